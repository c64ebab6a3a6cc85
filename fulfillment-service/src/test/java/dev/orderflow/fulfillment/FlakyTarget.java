package dev.orderflow.fulfillment;

import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A target type added by a test, the way the next target types are added: one bean. It fails each delivery its
 * {@code failures} setting's number of times, then accepts it.
 */
class FlakyTarget implements TargetInvoker {

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final Map<String, Delivery> delivered = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "test-flaky";
    }

    @Override
    public List<String> check(Target target) {
        return target.json().path("failures").isInt() ? List.of() : List.of("failures must be a whole number");
    }

    @Override
    public void deliver(Delivery delivery) {
        int attempt = attempts.computeIfAbsent(
                        delivery.eventId() + "/" + delivery.ruleName(), key -> new AtomicInteger())
                .incrementAndGet();
        if (attempt <= delivery.target().json().path("failures").asInt()) {
            throw new IllegalStateException("flaky target refused attempt " + attempt);
        }
        delivered.put(delivery.eventId() + "/" + delivery.ruleName(), delivery);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        FlakyTarget flakyTarget() {
            return new FlakyTarget();
        }
    }
}
