package dev.orderflow.fulfillment.rules;

import java.util.List;
import software.amazon.event.ruler.GenericMachine;

/**
 * Matching throughput of one event-ruler machine on one thread with 10, 100 and 1,000 rules, on the envelope of a paid
 * order. A plain main class, not run by the build: {@code java -cp <test classpath>
 * dev.orderflow.fulfillment.rules.MatchingBenchmark}.
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {}

    public static void main(String[] args) throws Exception {
        String event = """
                {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "OrderPaid",
                 "source": "orderflow.billing", "account": "000000000000", "time": "2026-11-29T07:00:00Z",
                 "region": "local-1", "resources": [],
                 "detail": {"orderId": "0b6e8f3c-3c55-4c55-9a43-0d8f3a1d1f01", "customerId": "alice", "amount": 150.00,
                            "balance": 50.00, "currency": "USD", "location": "us-east",
                            "items": [{"productCode": "pencil", "quantity": 2, "unitPrice": 1.25}]}}""";
        for (int rules : List.of(10, 100, 1000)) {
            GenericMachine<String> machine = GenericMachine.<String>builder().build();
            for (int i = 0; i < rules; i++) {
                machine.addRule("rule-" + i, pattern(i));
            }
            int matched = machine.rulesForJSONEvent(event).size();
            for (int i = 0; i < 50_000; i++) {
                machine.rulesForJSONEvent(event);
            }
            int events = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                machine.rulesForJSONEvent(event);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%,5d rules: %,10.0f events/s (%d rules match the event)%n", rules, events / seconds, matched);
        }
    }

    /** A mix of the operators, each rule a little different, a tenth of them matching. */
    private static String pattern(int i) {
        return switch (i % 5) {
            case 0 ->
                "{\"detail-type\": [\"OrderPaid\"], \"detail\": {\"location\": [{\"prefix\": \"%s\"}]}}"
                        .formatted(i % 10 == 0 ? "us-" : "zz" + i + "-");
            case 1 ->
                "{\"source\": [\"orderflow.billing\"], \"detail\": {\"amount\": [{\"numeric\": [\">\", %d]}]}}"
                        .formatted(1000 + i);
            case 2 ->
                "{\"detail\": {\"customerId\": [{\"anything-but\": [\"alice\"]}], \"currency\": [\"C%d\"]}}"
                        .formatted(i);
            case 3 -> "{\"detail\": {\"location\": [{\"wildcard\": \"*-%d\"}]}}".formatted(i);
            default ->
                "{\"$or\": [{\"detail-type\": [\"T%d\"]}, {\"detail\": {\"items\": {\"productCode\": [\"p%d\"]}}}]}"
                        .formatted(i, i);
        };
    }
}
