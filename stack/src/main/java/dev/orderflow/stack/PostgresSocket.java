package dev.orderflow.stack;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The stack's PostgreSQL's Unix-domain socket: its file, whether the kernel takes its path, its private directory and
 * pgjdbc's URL through it. Plain JDK only: bin/stack's own JVM ({@link Stack}) runs without the module's libraries.
 */
final class PostgresSocket {

    /**
     * The longest path of a Unix-domain socket, in bytes: the kernel's {@code sun_path} holds 108 with the closing
     * NUL, and PostgreSQL refuses to start with a longer {@code unix_socket_directories} entry.
     */
    static final int MAX_PATH_BYTES = 107;

    private PostgresSocket() {}

    /** PostgreSQL's socket file in {@code directory} for the server on {@code port}, as libpq and pgjdbc name it. */
    static Path file(Path directory, int port) {
        return directory.resolve(".s.PGSQL." + port);
    }

    /** Whether the kernel takes {@code socket} as the path of a Unix-domain socket. */
    static boolean fits(Path socket) {
        return socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /**
     * Makes {@code directory} (and its parents), readable and writable by this user only: whoever reaches the socket
     * may try to log in, so it does not go to a world-writable place such as /tmp.
     */
    static void createPrivateDirectory(Path directory) throws IOException {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        Files.createDirectories(directory.getParent());
        if (!Files.isDirectory(directory)) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(owner));
        }
        // an existing directory, or one the umask narrowed, ends up exactly private
        Files.setPosixFilePermissions(directory, owner);
    }

    /**
     * pgjdbc's URL for {@code database} through {@code socket}: junixsocket's socket factory (on every service's class
     * path, from platform) connects to the file it is given; host and port only name the server in messages.
     */
    static String url(Path socket, int port, String database) {
        // pgjdbc URL-decodes parameters; a slash needs no escape, and reads better as it is
        String file =
                URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8).replace("%2F", "/");
        return "jdbc:postgresql://localhost:%d/%s?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
                        .formatted(port, database)
                + "&socketFactoryArg=" + file;
    }
}
