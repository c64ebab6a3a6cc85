package dev.orderflow.fulfillment.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's side of the console over plain HTTP: a cookie jar, no redirects followed, forms posted. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts the form as a browser would, with the CSRF token of the page given, unless {@code csrfFrom} is null. */
    HttpResponse<String> post(String path, Map<String, String> fields, String csrfFrom) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrfFrom != null) {
            form.put("_csrf", csrf(get(csrfFrom).body()));
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Logs in; the response to the login form. */
    HttpResponse<String> login(String username, String password) {
        return post(
                ConsoleSecurityConfiguration.LOGIN,
                Map.of("username", username, "password", password),
                ConsoleSecurityConfiguration.LOGIN);
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page: " + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
