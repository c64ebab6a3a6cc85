package dev.orderflow.notification.styles;

import dev.orderflow.testsupport.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's view of the services: JSON in, status and JSON out, decimals exact; an operator's token unless a call says
 * which ({@code null}: none).
 */
final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    record Response(int status, JsonNode body, HttpResponse<String> raw) {}

    private Http() {}

    static Response post(String url, String json) {
        return post(url, json, Tokens.admin(), Map.of());
    }

    static Response post(String url, String json, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return send(request, token);
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)), Tokens.admin());
    }

    private static Response send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", Tokens.bearer(token));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(
                    response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
