package dev.orderflow.fulfillment.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** EventBridge's input transformation: inputPath, inputTemplate with variables, the predefined variables. */
class InputTransformationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ObjectNode EVENT = (ObjectNode) JSON.readTree("""
            {"version": "0", "id": "e-1", "detail-type": "OrderPaid", "source": "orderflow.billing",
             "account": "000000000000", "time": "2026-11-29T07:00:00Z", "region": "local-1", "resources": [],
             "detail": {"orderId": "o-1", "amount": 12.50, "location": "us-east",
                        "items": [{"productCode": "pencil", "quantity": 2}, {"productCode": "pen", "quantity": 1}]}}""");

    @Test
    void deliversTheWholeEventByDefault() {
        assertThat(JSON.readTree(InputTransformation.NONE.apply(EVENT, "r", "t")))
                .isEqualTo(EVENT);
    }

    @Test
    void deliversWhatTheInputPathSelects() {
        assertThat(apply(new InputTransformation("$.detail", null, null)))
                .isEqualTo(EVENT.get("detail").toString());
        assertThat(apply(new InputTransformation("$.detail.items[1].productCode", null, null)))
                .isEqualTo("\"pen\"");
        assertThat(apply(new InputTransformation("$.detail.items[*].quantity", null, null)))
                .isEqualTo("[2,1]");
        assertThat(apply(new InputTransformation("$.detail.missing", null, null)))
                .isEqualTo("null");
    }

    @Test
    void fillsATemplateWithValuesOutsideStringsAsJsonAndInsideAsText() {
        InputTransformation transformation = new InputTransformation(
                null,
                "{\"order\": <order>, \"amount\": <amount>, \"text\": \"Order <order> of <amount> to <where>\", "
                        + "\"items\": <items>, \"missing\": <missing>, \"kept\": \"<unknown>\"}",
                Map.of(
                        "order", "$.detail.orderId",
                        "amount", "$.detail.amount",
                        "where", "$.detail.location",
                        "items", "$.detail.items[*].productCode",
                        "missing", "$.detail.nothing"));

        assertThat(JSON.readTree(apply(transformation))).isEqualTo(JSON.readTree("""
                        {"order": "o-1", "amount": 12.50, "text": "Order o-1 of 12.5 to us-east",
                         "items": ["pencil", "pen"], "missing": null, "kept": "<unknown>"}"""));
    }

    @Test
    void offersThePredefinedVariables() {
        InputTransformation transformation = new InputTransformation(
                null,
                "{\"rule\": <aws.events.rule-name>, \"event\": <aws.events.event>, \"full\": <aws.events.event.json>, "
                        + "\"at\": \"<aws.events.event.ingestion-time>\"}",
                Map.of());

        ObjectNode out = (ObjectNode) JSON.readTree(transformation.apply(EVENT, "my-rule", "2026-11-29T07:00:01Z"));

        assertThat(out.get("rule").stringValue()).isEqualTo("my-rule");
        assertThat(out.get("event").has("detail")).isFalse();
        assertThat(out.get("event").get("id").stringValue()).isEqualTo("e-1");
        assertThat(out.get("full")).isEqualTo(EVENT);
        assertThat(out.get("at").stringValue()).isEqualTo("2026-11-29T07:00:01Z");
    }

    @Test
    void escapesValuesPutInsideAString() {
        ObjectNode event = EVENT.deepCopy();
        ((ObjectNode) event.get("detail")).put("location", "say \"hi\"");
        InputTransformation transformation =
                new InputTransformation(null, "\"Going to <where>\"", Map.of("where", "$.detail.location"));

        assertThat(JSON.readTree(transformation.apply(event, "r", "t")).stringValue())
                .isEqualTo("Going to say \"hi\"");
    }

    @Test
    void refusesInvalidPathsAndVariables() {
        assertThat(new InputTransformation("detail", null, null).check()).isNotEmpty();
        assertThat(new InputTransformation("$.detail", "<x>", null).check()).isNotEmpty();
        assertThat(new InputTransformation(null, "<x>", Map.of("aws.events.rule-name", "$.x")).check())
                .isNotEmpty();
        assertThat(new InputTransformation(null, "<x>", Map.of("x", "$.detail.x")).check())
                .isEmpty();
    }

    private static String apply(InputTransformation transformation) {
        return transformation.apply(EVENT, "rule", "2026-11-29T07:00:01Z");
    }
}
