package dev.orderflow.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's HTTP API as the bench uses it (CONTRACT.md): the catalog and orders of order-service, the accounts and
 * deposits of billing-service. One {@link HttpClient} (HTTP/1.1, kept-alive connections), called from virtual threads.
 */
final class Suite {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DEPOSIT_ID = Pattern.compile("\"depositId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PRODUCT_CODE = Pattern.compile("\"productCode\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * {@code Authorization} for every request: an operator's token, which {@code bin/bench} gets from the stack's
     * auth-service ({@code bin/token --admin}) and passes as {@code -Dbench.token}; none when it is not set.
     */
    private static final String TOKEN = System.getProperty("bench.token", "");

    private final HttpClient http;
    private final URI orders;
    private final URI billing;
    private final Duration timeout;
    private final String location;

    Suite(URI orders, URI billing, Duration timeout, String location) {
        this.orders = orders;
        this.location = location;
        this.billing = billing;
        this.timeout = timeout;
        // The client's own default executor starts a platform thread per concurrent exchange; virtual threads are
        // cheaper on a machine whose two cores the bench shares with the suite it measures.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** The answer to a POST: its status, and the id it created when it succeeded. */
    record Answer(int status, String id, String body) {}

    /** {@code POST /orders} for one unit of {@code product}: 201 with the orderId on success. */
    Answer placeOrder(String customerId, String product) throws IOException, InterruptedException {
        String body = "{\"customerId\":\"" + customerId + "\",\"location\":\"" + location
                + "\",\"items\":[{\"productCode\":\"" + product + "\",\"quantity\":1}]}";
        HttpResponse<String> response = post(orders.resolve("/orders"), body);
        return answer(response, ORDER_ID);
    }

    /** {@code POST /accounts}: 201 for a new account, 200 for an existing one. */
    Answer openAccount(String customerId) throws IOException, InterruptedException {
        HttpResponse<String> response = post(billing.resolve("/accounts"), "{\"customerId\":\"" + customerId + "\"}");
        return new Answer(response.statusCode(), customerId, response.body());
    }

    /** {@code POST /accounts/{id}/deposits}: 202 with the depositId. */
    Answer deposit(String customerId, BigDecimal amount) throws IOException, InterruptedException {
        URI uri = billing.resolve("/accounts/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "/deposits");
        return answer(post(uri, "{\"amount\":" + amount.toPlainString() + "}"), DEPOSIT_ID);
    }

    /** The product codes of {@code GET /products}. */
    List<String> productCodes() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                authorized(HttpRequest.newBuilder(orders.resolve("/products")))
                        .timeout(timeout)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /products answered " + response.statusCode() + ": " + response.body());
        }
        List<String> codes = new ArrayList<>();
        Matcher m = PRODUCT_CODE.matcher(response.body());
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = authorized(HttpRequest.newBuilder(uri))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return TOKEN.isEmpty() ? request : request.header("Authorization", "Bearer " + TOKEN);
    }

    private static Answer answer(HttpResponse<String> response, Pattern id) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            return new Answer(status, null, response.body());
        }
        Matcher m = id.matcher(response.body());
        return new Answer(status, m.find() ? m.group(1) : null, response.body());
    }
}
