// Validates an AsyncAPI document with the AsyncAPI parser: prints every diagnostic, exits 1 on an error (.ci/asyncapi).
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const file = process.argv[2] ?? new URL('./orderflow.json', import.meta.url).pathname;
const { document, diagnostics } = await new Parser().parse(await readFile(file, 'utf8'), { source: file });
const severities = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity] ?? d.severity}: ${d.message} at /${d.path.join('/')} (${d.code})`);
}
const errors = diagnostics.filter((d) => d.severity === 0).length;
if (!document || errors > 0) {
  console.error(`asyncapi: ${file} is not a valid AsyncAPI document (${errors} errors)`);
  process.exit(1);
}
console.log(`asyncapi: ${file} is valid AsyncAPI ${document.version()}: ${document.channels().length} channels,`
  + ` ${document.operations().length} operations, ${document.components().messages().length} messages`);
