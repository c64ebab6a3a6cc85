package dev.orderflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Which artifact a module runs from, and whether it has to be built again before it runs. */
final class Staleness {

    private Staleness() {}

    /** A module's runnable jar in its target directory: {@code MODULE-*.jar}, not the sources, javadoc or plain one. */
    static Optional<Path> jarOf(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(module + "-")
                                && name.endsWith(".jar")
                                && Stream.of("-sources.jar", "-javadoc.jar", "-tests.jar", "-plain.jar")
                                        .noneMatch(name::endsWith);
                    })
                    .sorted()
                    .findFirst();
        }
    }

    /**
     * True when {@code artifact} is missing or older than anything the module's main code is built from: the root and
     * module poms, its {@code src/main}, common-events and (for a service) platform. Tests do not count. Directories
     * count too, so that a deleted source makes the artifact stale.
     */
    static boolean isStale(Path root, String module, Path artifact) throws IOException {
        if (!Files.exists(artifact)) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(artifact);
        List<Path> inputs = new ArrayList<>(List.of(
                root.resolve("pom.xml"),
                root.resolve(module).resolve("pom.xml"),
                root.resolve(module).resolve("src/main"),
                root.resolve("common-events/pom.xml"),
                root.resolve("common-events/src/main")));
        if (!module.equals("stack") && Files.isDirectory(root.resolve("platform"))) {
            inputs.add(root.resolve("platform/pom.xml"));
            inputs.add(root.resolve("platform/src/main"));
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(input)) {
                if (tree.anyMatch(path -> newer(path, built))) {
                    return true;
                }
            } catch (UncheckedIOException e) {
                // a file that vanished while we looked: something is being edited, build
                return true;
            }
        }
        return false;
    }

    private static boolean newer(Path path, FileTime than) {
        try {
            return Files.getLastModifiedTime(path).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
