package dev.orderflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's HTTP API as the bench uses it (CONTRACT.md): the catalog and orders of order-service, the accounts and
 * deposits of billing-service. One {@link HttpClient} (HTTP/1.1, kept-alive connections), called from virtual threads.
 * And the settings every Kafka client of the bench starts from.
 */
final class Suite {

    /**
     * {@code Authorization} for every request: an operator's token, which {@code bin/bench} gets from the stack's
     * auth-service ({@code bin/token --admin}) and passes as {@code -Dbench.token}; none when it is not set.
     */
    private static final String TOKEN = System.getProperty("bench.token", "");

    private static final JsonMapper JSON = new JsonMapper();

    private final BenchOptions options;
    // The client's own default executor starts a platform thread per concurrent exchange; virtual threads are cheaper
    // on a machine whose two cores the bench shares with the suite it measures.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    Suite(BenchOptions options) {
        this.options = options;
    }

    /**
     * The broker's address and, where the broker wants a login (bin/stack's SASL/SCRAM), the client configuration named
     * by {@code -Dbench.kafka.config}, which bin/bench sets to the stack's admin configuration
     * ({@code .stack/conf/admin.properties}, as the bin/kafka-*.sh tools use).
     */
    static Properties kafkaConfig(String bootstrapServers) {
        Properties props = new Properties();
        String file = System.getProperty("bench.kafka.config", "");
        if (!file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Kafka client configuration " + file, e);
            }
        }
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** The answer to a POST: its status, and the id it created when it succeeded. */
    record Answer(int status, String id, String body) {}

    /** {@code POST /orders} for one unit of {@code product}: 201 with the orderId on success. */
    Answer placeOrder(String customerId, String product) throws IOException, InterruptedException {
        String body = "{\"customerId\":\"" + customerId + "\",\"location\":\"" + options.location()
                + "\",\"items\":[{\"productCode\":\"" + product + "\",\"quantity\":1}]}";
        return post(options.orderUrl().resolve("/orders"), body, "orderId");
    }

    /** {@code POST /accounts}: 201 for a new account, 200 for an existing one. */
    Answer openAccount(String customerId) throws IOException, InterruptedException {
        return post(options.billingUrl().resolve("/accounts"), "{\"customerId\":\"" + customerId + "\"}", "customerId");
    }

    /** {@code POST /accounts/{id}/deposits}: 202 with the depositId. */
    Answer deposit(String customerId, BigDecimal amount) throws IOException, InterruptedException {
        String path = "/accounts/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "/deposits";
        return post(options.billingUrl().resolve(path), "{\"amount\":" + amount.toPlainString() + "}", "depositId");
    }

    /** The product codes of {@code GET /products}. */
    List<String> productCodes() throws IOException, InterruptedException {
        HttpResponse<String> response = send(options.orderUrl().resolve("/products"), null);
        if (response.statusCode() != 200) {
            throw new IOException("GET /products answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).findValuesAsString("productCode");
    }

    /** A POST of {@code json}; the answer's {@code idField} when it succeeded. */
    private Answer post(URI uri, String json, String idField) throws IOException, InterruptedException {
        HttpResponse<String> response = send(uri, json);
        int status = response.statusCode();
        String id =
                status / 100 == 2 ? JSON.readTree(response.body()).path(idField).stringValue(null) : null;
        return new Answer(status, id, response.body());
    }

    /** A GET when {@code json} is null, else a POST of it. */
    private HttpResponse<String> send(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.httpTimeout());
        if (!TOKEN.isEmpty()) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
