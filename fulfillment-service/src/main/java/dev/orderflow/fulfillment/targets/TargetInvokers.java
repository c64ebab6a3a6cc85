package dev.orderflow.fulfillment.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link TargetInvoker} bean, by the target type it delivers to. */
@Component
public class TargetInvokers {

    private final Map<String, TargetInvoker> byType;

    public TargetInvokers(List<TargetInvoker> invokers) {
        this.byType = invokers.stream()
                .collect(Collectors.toMap(
                        TargetInvoker::type,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("two invokers for target type " + a.type());
                        },
                        TreeMap::new));
    }

    public Optional<TargetInvoker> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The target types this instance can deliver to. */
    public Set<String> types() {
        return byType.keySet();
    }
}
