#!/usr/bin/env bash
# Runs one of Apache Kafka's own command-line tools (the Java classes behind Kafka's bin/*.sh) with its own flags,
# from stack/target/lib, building the stack module first when it is missing. Used by bin/kafka-*.sh:
#   bin/lib/kafka-tool.sh CLASS ARGS...
# Log output is warnings only, on standard error, so that standard output is the tool's alone.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bin/lib/jdk.sh
. "$ROOT/bin/lib/jdk.sh"
orderflow_find_jdk || exit 1

if [[ ! -d $ROOT/stack/target/lib || ! -d $ROOT/stack/target/classes ]]; then
  echo "building the stack module (Kafka's tools) ..." >&2
  mkdir -p "$ROOT/.stack/logs"
  if ! (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl stack -am package) \
    >"$ROOT/.stack/logs/build-stack.log" 2>&1; then
    echo "The build failed; last lines of .stack/logs/build-stack.log:" >&2
    tail -n 30 "$ROOT/.stack/logs/build-stack.log" >&2
    exit 1
  fi
fi

main=$1
shift
# shellcheck disable=SC2086 # KAFKA_OPTS is a list of JVM options, as for Kafka's own scripts
exec "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dorderflow.log.level=WARN -Dorderflow.log.target=SYSTEM_ERR ${KAFKA_OPTS:-} \
  -cp "$ROOT/stack/target/lib/*:$ROOT/stack/target/classes" "$main" "$@"
