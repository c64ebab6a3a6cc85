package dev.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each event's wire format is pinned by a golden sample: the sample reads into the expected record, and the record
 * writes back to the same JSON. A change that breaks consumers fails here first.
 */
class GoldenSamplesTest {

    private static final UUID ORDER = UUID.fromString("0b6a3a52-5d34-4d7e-9c55-6a1f0c1a7f01");
    private static final UUID DEPOSIT = UUID.fromString("7d1f3c0e-2b8a-4c55-9f0e-3a7b2c1d4e5f");

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static Stream<Event> samples() {
        return Stream.of(
                new OrderCreated(
                        ORDER,
                        "alice",
                        "us-east",
                        List.of(
                                new OrderCreated.Item("pencil", 2, new BigDecimal("1.25")),
                                new OrderCreated.Item("notebook", 1, new BigDecimal("4.50"))),
                        new BigDecimal("7.00"),
                        "USD",
                        Instant.parse("2026-11-21T10:15:30.123456Z")),
                new DepositRequested(DEPOSIT, "alice", new BigDecimal("100.00"), "USD"),
                new OrderPaid(
                        ORDER,
                        "alice",
                        new BigDecimal("7.00"),
                        new BigDecimal("93.00"),
                        "USD",
                        "us-east",
                        List.of(
                                new OrderCreated.Item("pencil", 2, new BigDecimal("1.25")),
                                new OrderCreated.Item("notebook", 1, new BigDecimal("4.50")))),
                new PaymentFailed(ORDER, "alice", new BigDecimal("7.00"), PaymentFailed.INSUFFICIENT_FUNDS, "USD"),
                new DepositAccepted(DEPOSIT, "alice", new BigDecimal("100.00"), new BigDecimal("100.00"), "USD"),
                new OrderDispatched(
                        ORDER,
                        "alice",
                        "us-east",
                        "paid-orders-to-store",
                        Instant.parse("2026-11-21T10:15:31.654321Z")),
                new CustomEvent(
                        "acme.warehouse",
                        "StockCounted",
                        List.of("warehouse/us-east-1"),
                        Instant.parse("2026-11-21T10:15:30Z"),
                        EXACT.readTree("{\"sku\": \"pencil\", \"count\": 1200, \"weight\": 0.10}")));
    }

    @Test
    void anOrderPaidWithoutTheOrdersDetailsStillReads() {
        byte[] older = """
                {"orderId": "0b6a3a52-5d34-4d7e-9c55-6a1f0c1a7f01", "customerId": "alice",
                 "amount": 7.00, "balance": 93.00, "currency": "USD"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OrderPaid paid = EventJson.read(older, OrderPaid.class);
        assertThat(paid)
                .isEqualTo(new OrderPaid(ORDER, "alice", new BigDecimal("7.00"), new BigDecimal("93.00"), "USD"));
        assertThat(paid.location()).isNull();
        assertThat(paid.items()).isEmpty();
        assertThat(new String(EventJson.write(paid), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("location", "items");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void goldenSampleReadsIntoTheRecord(Event expected) throws IOException {
        assertThat(EventJson.read(golden(expected), expected.getClass())).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordWritesTheGoldenSample(Event event) throws IOException {
        JsonMapper plain = JsonMapper.builder().build();
        JsonNode written = plain.readTree(EventJson.write(event));
        assertThat(written).isEqualTo(plain.readTree(golden(event)));
        assertThat(new String(EventJson.write(event))).doesNotContain("E+", "E-");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsAKnownType(Event event) {
        String name = EventTypes.nameOf(event.getClass());
        assertThat(name).isEqualTo("dev.orderflow." + event.getClass().getSimpleName() + ".v1");
        assertThat(EventTypes.classOf(name)).contains(event.getClass());
    }

    private static byte[] golden(Event event) throws IOException {
        String path = "/events/" + event.getClass().getSimpleName() + ".v1.json";
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
