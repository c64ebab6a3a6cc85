// CI stand-in only (see ../README.md): what docker-compose.yml needs of Mailpit. An SMTP server on 1025 that accepts
// every message and keeps it in memory, and on 8025 /readyz, /livez and /api/v1/messages (the count and, for each
// message, sender, recipients and subject, in the shape of Mailpit's API).

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

public class MailCatcher {

    record Message(int id, String from, List<String> to, String subject) {}

    static final List<Message> MESSAGES = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws IOException {
        var http = HttpServer.create(new InetSocketAddress(8025), 0);
        http.createContext("/readyz", exchange -> answer(exchange, 200, "text/plain", "ok"));
        http.createContext("/livez", exchange -> answer(exchange, 200, "text/plain", "ok"));
        http.createContext("/api/v1/messages", exchange -> answer(exchange, 200, "application/json", json()));
        http.createContext("/", exchange -> answer(exchange, 404, "text/plain", "not found"));
        http.start();
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try (var smtp = new ServerSocket(1025)) {
            System.out.println("mail catcher: SMTP on 1025, HTTP on 8025");
            while (true) {
                Socket socket = smtp.accept();
                executor.submit(() -> converse(socket));
            }
        }
    }

    static void converse(Socket socket) {
        try (socket;
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 mailpit ESMTP (orderflow CI stand-in)");
            String from = "";
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 mailpit");
                    case "MAIL" -> {
                        from = address(line);
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String subject = "";
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (subject.isEmpty() && line.regionMatches(true, 0, "Subject:", 0, 8)) {
                                subject = line.substring(8).trim();
                            }
                        }
                        var message = new Message(MESSAGES.size() + 1, from, List.copyOf(to), subject);
                        MESSAGES.add(message);
                        System.out.println("mail catcher: " + message);
                        reply(out, "250 OK: queued as " + message.id());
                    }
                    case "RSET" -> {
                        from = "";
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            System.out.println("mail catcher: " + e);
        }
    }

    static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).trim();
    }

    static String json() {
        var messages = new StringBuilder();
        for (var message : MESSAGES) {
            if (!messages.isEmpty()) {
                messages.append(',');
            }
            var to = new StringBuilder();
            for (var address : message.to()) {
                to.append(to.isEmpty() ? "" : ",").append("{\"Address\":").append(quote(address)).append('}');
            }
            messages.append("{\"ID\":\"").append(message.id()).append("\",\"From\":{\"Address\":")
                    .append(quote(message.from())).append("},\"To\":[").append(to).append("],\"Subject\":")
                    .append(quote(message.subject())).append('}');
        }
        return "{\"total\":" + MESSAGES.size() + ",\"messages\":[" + messages + "]}";
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
