package dev.orderflow.stack;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's mail catcher, without Docker: GreenMail's SMTP server, which accepts every e-mail for any address,
 * and a small HTTP server to read what it caught (compose runs Mailpit for the same purpose, on the same ports).
 * notification-service sends to it when bin/stack runs it. The e-mails are kept in memory, the latest
 * {@code --keep} of them, for as long as this process runs: services may restart meanwhile.
 *
 * <ul>
 *   <li>{@code GET /messages?customer=alice&limit=10}: the latest e-mails as plain text (what {@code bin/stack mail}
 *       prints); {@code customer} is a customer id (its contact address is looked up) or an address; without it,
 *       every e-mail;
 *   <li>{@code GET /?customer=alice}: the same as a web page;
 *   <li>{@code GET /health}: {@code {"status":"UP"}}.
 * </ul>
 *
 * <pre>
 * java -cp "stack/target/lib/*:stack/target/classes" dev.orderflow.stack.LocalMail \
 *     [--smtp-port 1025] [--http-port 8025] [--keep 1000]
 * </pre>
 */
public final class LocalMail implements AutoCloseable {

    /** Printed on standard output once both servers accept connections; bin/stack waits for it. */
    public static final String READY = "LocalMail ready";

    static final int DEFAULT_LIMIT = 10;

    private static final Logger log = LoggerFactory.getLogger(LocalMail.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Mailbox mailbox;
    private final ContactAddresses contacts;
    private final GreenMail smtp;
    private final HttpServer http;

    private LocalMail(Options options, ContactAddresses contacts) throws IOException {
        this.mailbox = new Mailbox(options.keep());
        this.contacts = contacts;
        ServerSetup setup = new ServerSetup(options.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000); // a busy machine; GreenMail's default is a few seconds
        this.smtp = new GreenMail(setup);
        catchDeliveries(smtp.getUserManager());
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", options.httpPort()), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/health", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        http.createContext("/messages", exchange -> {
            Map<String, String> query = query(exchange);
            respond(exchange, 200, "text/plain; charset=utf-8", text(select(query), limit(query)));
        });
        http.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                respond(exchange, 404, "text/plain; charset=utf-8", "Not found; try / or /messages\n");
                return;
            }
            Map<String, String> query = query(exchange);
            respond(
                    exchange,
                    200,
                    "text/html; charset=utf-8",
                    html(query.getOrDefault("customer", ""), select(query), limit(query)));
        });
    }

    /** Starts both servers. */
    static LocalMail start(Options options, ContactAddresses contacts) throws IOException {
        LocalMail mail = new LocalMail(options, contacts);
        mail.smtp.start();
        mail.http.start();
        return mail;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LocalMail mail = start(options, ContactAddresses.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping the mail catcher");
                            mail.close();
                            stopped.countDown();
                        },
                        "local-mail-stop"));
        System.out.printf(
                "%s: SMTP localhost:%d, e-mails at http://localhost:%d (the latest %d kept)%n",
                READY, options.smtpPort(), options.httpPort(), options.keep());
        System.out.flush();
        stopped.await();
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }

    Mailbox mailbox() {
        return mailbox;
    }

    /**
     * Records each delivery in the mailbox, then lets GreenMail deliver it as usual. GreenMail keeps every message in
     * its own mailboxes too, with no limit; only the bounded mailbox is read here, so GreenMail's are emptied each time
     * the mailbox has turned over once.
     */
    private void catchDeliveries(UserManager users) {
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            CaughtMail mail = caught(message.getMessage(), recipient);
            mailbox.add(mail);
            log.info("Caught an e-mail to {}: {}", mail.to(), mail.subject());
            if (mailbox.received() % mailbox.capacity() == 0) {
                try {
                    smtp.purgeEmailFromAllMailboxes();
                } catch (FolderException e) {
                    log.warn("Could not empty GreenMail's mailboxes", e);
                }
            }
            return deliver.handle(message, recipient);
        });
    }

    static CaughtMail caught(MimeMessage message, MailAddress recipient) throws MessagingException {
        String from = message.getFrom() == null
                ? ""
                : Arrays.stream(message.getFrom())
                        .map(address -> address instanceof InternetAddress internet
                                ? internet.toUnicodeString()
                                : address.toString())
                        .collect(Collectors.joining(", "));
        String subject = message.getSubject() == null ? "" : message.getSubject();
        return new CaughtMail(Instant.now(), from, recipient.getEmail(), subject, body(message));
    }

    /** The text of an e-mail: a plain-text message's content, or a multipart message's first text part. */
    private static String body(MimeMessage message) throws MessagingException {
        try {
            if (message.isMimeType("text/*")) {
                return text(message);
            }
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/*")) {
                        return text(part);
                    }
                }
            }
            return "(" + message.getContentType() + ")";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * A text part, decoded by hand: {@code getContent()} needs the activation framework's content handlers, which are
     * not always found on a plain class path.
     */
    private static String text(Part part) throws MessagingException, IOException {
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        try (InputStream in = part.getInputStream()) {
            return new String(
                    in.readAllBytes(),
                    charset == null ? StandardCharsets.US_ASCII : Charset.forName(MimeUtility.javaCharset(charset)));
        }
    }

    private MailSelection select(Map<String, String> query) {
        return MailSelection.of(query.get("customer"), contacts);
    }

    private int limit(Map<String, String> query) {
        try {
            int limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
            return Math.clamp(limit, 1, mailbox.capacity());
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    /** The selected e-mails as plain text, latest first. */
    String text(MailSelection selection, int limit) {
        List<CaughtMail> mails = mailbox.latest(selection.matching(), limit);
        StringBuilder text = new StringBuilder();
        if (mails.isEmpty()) {
            return selection.none() + "\n";
        }
        if (mails.size() == 1) {
            text.append(limit == 1 ? "The latest " : "1 ")
                    .append(selection.heading().replaceFirst("^e-mails", "e-mail"))
                    .append(":\n");
        } else {
            text.append(mails.size() == limit ? "The latest " + limit + " " : mails.size() + " ")
                    .append(selection.heading())
                    .append(", latest first:\n");
        }
        for (CaughtMail mail : mails) {
            text.append("\nReceived: ")
                    .append(TIME.format(mail.receivedAt()))
                    .append("\nFrom:     ")
                    .append(mail.from())
                    .append("\nTo:       ")
                    .append(mail.to())
                    .append("\nSubject:  ")
                    .append(mail.subject())
                    .append("\n\n")
                    .append(mail.body().strip().indent(4));
        }
        return text.toString();
    }

    private String html(String customer, MailSelection selection, int limit) {
        List<CaughtMail> mails = mailbox.latest(selection.matching(), limit);
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>orderflow: caught e-mails</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:60em}article{border-top:1px solid #ccc;padding:.5em 0}
                dl{display:grid;grid-template-columns:6em auto;margin:0}dt{color:#666}dd{margin:0}pre{white-space:pre-wrap}</style>
                </head><body>
                <h1>E-mails caught by bin/stack</h1>
                <form><label>Customer or address <input name="customer" value="%s"></label>
                <label>how many <input name="limit" type="number" min="1" value="%d" style="width:5em"></label>
                <button>Show</button></form>
                """.formatted(escape(customer), limit));
        html.append("<p>")
                .append(escape(
                        mails.isEmpty()
                                ? selection.none()
                                : mails.size() + " " + selection.heading() + ", latest first."))
                .append("</p>\n");
        for (CaughtMail mail : mails) {
            html.append("<article><dl><dt>Received</dt><dd>")
                    .append(TIME.format(mail.receivedAt()))
                    .append("</dd><dt>From</dt><dd>")
                    .append(escape(mail.from()))
                    .append("</dd><dt>To</dt><dd>")
                    .append(escape(mail.to()))
                    .append("</dd><dt>Subject</dt><dd>")
                    .append(escape(mail.subject()))
                    .append("</dd></dl><pre>")
                    .append(escape(mail.body().strip()))
                    .append("</pre></article>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                status = 405;
                contentType = "text/plain; charset=utf-8";
                body = "Only GET\n";
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    record Options(int smtpPort, int httpPort, int keep) {

        static Options parse(String[] args) {
            int smtpPort = 1025;
            int httpPort = 8025;
            int keep = 1000;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--smtp-port" -> smtpPort = number(args[i], value);
                    case "--http-port" -> httpPort = number(args[i], value);
                    case "--keep" -> keep = number(args[i], value);
                    default ->
                        throw new IllegalArgumentException("Unknown option " + args[i]
                                + "; usage: LocalMail [--smtp-port 1025] [--http-port 8025] [--keep 1000]");
                }
                i++;
            }
            return new Options(smtpPort, httpPort, keep);
        }

        private static int number(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return Integer.parseInt(value);
        }
    }
}
