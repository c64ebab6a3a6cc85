package dev.orderflow.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends a request exactly as given, byte for byte: a malformed URL, an encoded NUL or a body
 * that lies about its length reach the server as written, which no ordinary client allows. One connection per
 * request, closed after the answer. Every request carries an operator's token unless the client was made with
 * another (or with none), since the services let nobody in without one.
 */
public final class RawHttp {

    private final int port;
    private final String authorization;

    /** A client that sends an operator's token ({@link Tokens#admin()}). */
    public RawHttp(int port) {
        this(port, Tokens.admin());
    }

    /** A client that sends the token, or none if it is {@code null}. */
    public RawHttp(int port, String token) {
        this.port = port;
        this.authorization = token == null ? "" : "Authorization: " + Tokens.bearer(token) + "\r\n";
    }

    /** An answer: the status, the headers (names in lower case) and the body as text. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    /** Sends a request with a JSON body (or none, if {@code body} is {@code null}) to a raw request target. */
    public Response send(String method, String target, String body) {
        return send(method, target, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request with the given content type and body ({@code null}: no body). */
    public Response send(String method, String target, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: localhost:")
                .append(port)
                .append("\r\nConnection: close\r\nAccept: application/json, application/problem+json\r\n")
                .append(authorization);
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    /** Sends a request whose body is chunked, so the server cannot know its length in advance. */
    public Response sendChunked(String method, String target, byte[] body, int chunkSize) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += chunkSize) {
            int length = Math.min(chunkSize, body.length - offset);
            chunks.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunks.write(body, offset, length);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n" + authorization
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.ISO_8859_1), chunks.toByteArray());
    }

    private Response exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may answer (a 413) and close before it has read the whole body
                }
            }
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a server that closes with unread request bytes may reset the connection after its answer
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No complete HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, position);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
