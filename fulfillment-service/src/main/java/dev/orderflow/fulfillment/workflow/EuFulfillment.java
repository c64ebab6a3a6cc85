package dev.orderflow.fulfillment.workflow;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eu-fulfillment}: reserve stock → choose a carrier (a Choice on the order's total) → book the shipment → wait
 * for the carrier's confirmation, failing after a timeout. Each effect is a row keyed by the order, so a step that
 * runs again (its first run rolled back by a crash) acts once; the simulated carrier confirms a booking a configured
 * delay after it.
 */
@Component
class EuFulfillment implements Workflow {

    static final String NAME = "eu-fulfillment";
    static final String RESERVE_STOCK = "reserve-stock";
    static final String CHOOSE_CARRIER = "choose-carrier";
    static final String BOOK_SHIPMENT = "book-shipment";
    static final String AWAIT_CONFIRMATION = "await-confirmation";
    static final String EXPRESS = "express-freight";
    static final String STANDARD = "standard-parcel";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JdbcClient jdbc;
    private final WorkflowProperties properties;
    private final List<Step> steps;

    EuFulfillment(JdbcClient jdbc, WorkflowProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.steps = List.of(
                step(RESERVE_STOCK, this::reserveStock),
                step(CHOOSE_CARRIER, this::chooseCarrier),
                step(BOOK_SHIPMENT, this::bookShipment),
                step(AWAIT_CONFIRMATION, this::awaitConfirmation));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps() {
        return steps;
    }

    private Step.Outcome reserveStock(
            Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt) {
        JsonNode items = input.path("detail").path("items");
        jdbc.sql("""
                        insert into stock_reservations (order_id, items) values (:order, :items)
                        on conflict (order_id) do nothing
                        """)
                .param("order", execution.orderId())
                .param("items", items.toString())
                .update();
        ObjectNode output = NODES.objectNode();
        output.put("orderId", execution.orderId());
        output.put("itemsReserved", items.isArray() ? items.size() : 0);
        return new Step.Done(output, CHOOSE_CARRIER);
    }

    /** The Choice: orders above the configured total go express, the others as a standard parcel. */
    private Step.Outcome chooseCarrier(
            Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt) {
        JsonNode amount = input.path("detail").path("amount");
        BigDecimal total = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asString("0"));
        ObjectNode output = NODES.objectNode();
        output.put("total", total);
        output.put("rule", "total > " + properties.expressAbove());
        output.put("carrier", total.compareTo(properties.expressAbove()) > 0 ? EXPRESS : STANDARD);
        return new Step.Done(output, BOOK_SHIPMENT);
    }

    private Step.Outcome bookShipment(
            Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt) {
        String carrier = outputs.get(CHOOSE_CARRIER).path("carrier").asString();
        String tracking = carrier + "-"
                + UUID.nameUUIDFromBytes(execution.orderId().getBytes())
                        .toString()
                        .substring(0, 8);
        jdbc.sql("""
                        insert into shipments (order_id, carrier, tracking_id, confirm_at)
                        values (:order, :carrier, :tracking, :confirmAt)
                        on conflict (order_id) do nothing
                        """)
                .param("order", execution.orderId())
                .param("carrier", carrier)
                .param("tracking", tracking)
                .param("confirmAt", Timestamp.from(Instant.now().plus(properties.carrierConfirmationDelay())))
                .update();
        ObjectNode output = NODES.objectNode();
        output.put("carrier", carrier);
        output.put("trackingId", tracking);
        return new Step.Done(output, AWAIT_CONFIRMATION);
    }

    private Step.Outcome awaitConfirmation(
            Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt) {
        Instant now = Instant.now();
        Instant confirmAt = jdbc.sql("select confirm_at from shipments where order_id = :order")
                .param("order", execution.orderId())
                .query(Timestamp.class)
                .single()
                .toInstant();
        Instant deadline = startedAt.plus(properties.confirmationTimeout());
        if (!now.isBefore(confirmAt)) {
            jdbc.sql("update shipments set confirmed_at = coalesce(confirmed_at, :now) where order_id = :order")
                    .param("now", Timestamp.from(now))
                    .param("order", execution.orderId())
                    .update();
            ObjectNode output = NODES.objectNode();
            output.put(
                    "trackingId", outputs.get(BOOK_SHIPMENT).path("trackingId").asString());
            output.put("confirmedAt", now.toString());
            return new Step.Done(output, null);
        }
        if (now.isAfter(deadline)) {
            return new Step.Fail(
                    "the carrier did not confirm within " + properties.confirmationTimeout() + " (timed out)");
        }
        ObjectNode waiting = NODES.objectNode();
        waiting.put("waitingUntil", (confirmAt.isBefore(deadline) ? confirmAt : deadline).toString());
        return new Step.Wait(confirmAt.isBefore(deadline) ? confirmAt : deadline, waiting);
    }

    private static Step step(String name, StepFunction function) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome run(Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt) {
                return function.run(execution, input, outputs, startedAt);
            }
        };
    }

    @FunctionalInterface
    private interface StepFunction {
        Step.Outcome run(Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt);
    }
}
