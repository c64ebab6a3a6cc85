package dev.orderflow.fulfillment.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Out of the box, a paid US order reaches the demo warehouse through the default rule, connection and destination. */
@IntegrationTest
class DemoWarehouseIT {

    static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("warehouse:test-demo-password".getBytes(StandardCharsets.UTF_8));

    @Autowired
    RestTestClient http;

    @Test
    void aPaidUsOrderArrivesAtTheDemoWarehouseOnceWithItsEventIdAsIdempotencyKey() {
        OrderPaid paid = new OrderPaid(
                UUID.randomUUID(),
                "demo-" + UUID.randomUUID(),
                new BigDecimal("12.50"),
                new BigDecimal("87.50"),
                "USD",
                "us-east",
                List.of(new OrderCreated.Item("pencil", 5, new BigDecimal("2.50"))));
        CloudEvent event;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            event = kafka.publish(paid);
            kafka.publish(event); // redelivered
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/demo/warehouses/us-warehouse/orders?limit=1000")
                .header("Authorization", AUTH)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.idempotencyKey == '%s')].body.detail.orderId".formatted(event.id()))
                .isEqualTo(List.of(paid.orderId().toString())));
        http.get()
                .uri("/connections/demo-warehouse")
                .exchange()
                .expectBody()
                .jsonPath("$.authorization.password")
                .isEqualTo("******");
    }

    @Test
    void checksItsBasicCredentialsAndStoresARepeatedKeyOnce() {
        String key = UUID.randomUUID().toString();
        post(null, key).expectStatus().isUnauthorized();
        post("Basic " + Base64.getEncoder().encodeToString("warehouse:wrong".getBytes(StandardCharsets.UTF_8)), key)
                .expectStatus()
                .isUnauthorized();
        post(AUTH, key).expectStatus().isCreated();
        post(AUTH, key).expectStatus().isOk();
        post(AUTH, null).expectStatus().isBadRequest();
        http.get()
                .uri("/demo/warehouses/test-wh/orders?limit=1000")
                .header("Authorization", AUTH)
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.idempotencyKey == '%s')]".formatted(key))
                .value(found -> assertThat((List<?>) found).hasSize(1));
        http.get()
                .uri("/demo/warehouses/test-wh/orders")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private RestTestClient.ResponseSpec post(String authorization, String key) {
        RestTestClient.RequestBodySpec request =
                http.post().uri("/demo/warehouses/test-wh/orders").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body("{\"orderId\": \"x\"}").exchange();
    }
}
