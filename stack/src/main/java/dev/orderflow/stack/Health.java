package dev.orderflow.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Whether what listens on a local port is there, and healthy. */
final class Health {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** True when something accepts connections on {@code localhost:port}. */
    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The overall status in the health answer on {@code port} (Spring Boot's actuator unless {@code path} says). */
    Optional<String> status(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            String body =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return topLevelStatus(body);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    Optional<String> status(int port) {
        return status(port, "/actuator/health");
    }

    boolean isUp(int port, String path) {
        return status(port, path).filter("UP"::equals).isPresent();
    }

    /**
     * The {@code "status"} of the JSON object {@code json} itself, not one of a component's: the value of the first
     * {@code "status"} key at nesting depth one. Empty when there is none or it is not a string.
     */
    static Optional<String> topLevelStatus(String json) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '"') {
                int end = endOfString(json, i);
                if (end < 0) {
                    return Optional.empty();
                }
                if (depth == 1 && json.substring(i + 1, end).equals("status")) {
                    int colon = skipSpace(json, end + 1);
                    if (colon < json.length() && json.charAt(colon) == ':') {
                        int value = skipSpace(json, colon + 1);
                        if (value < json.length() && json.charAt(value) == '"') {
                            int valueEnd = endOfString(json, value);
                            return valueEnd < 0 ? Optional.empty() : Optional.of(json.substring(value + 1, valueEnd));
                        }
                        return Optional.empty();
                    }
                }
                i = end;
            }
        }
        return Optional.empty();
    }

    private static int endOfString(String json, int quote) {
        for (int i = quote + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
