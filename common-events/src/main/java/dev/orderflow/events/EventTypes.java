package dev.orderflow.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logical type names that travel in {@code ce_type}, derived from the sealed {@link Event} hierarchy rather than
 * kept by hand: a new permitted record is a new type, with the name {@code dev.orderflow.<Name>.v1}.
 */
public final class EventTypes {

    private static final String PREFIX = "dev.orderflow.";
    private static final String VERSION = ".v1";
    private static final Map<String, Class<? extends Event>> BY_NAME = scan();

    private EventTypes() {}

    /** The {@code ce_type} of an event class, e.g. {@code dev.orderflow.OrderCreated.v1}. */
    public static String nameOf(Class<? extends Event> type) {
        return PREFIX + type.getSimpleName() + VERSION;
    }

    /** The event class for a {@code ce_type}, if this version of the contract knows it. */
    public static Optional<Class<? extends Event>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every known type name, in declaration order. */
    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Event>> scan() {
        Map<String, Class<? extends Event>> byName = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(Event.class);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type.isRecord()) {
                byName.put(nameOf((Class<? extends Event>) type), (Class<? extends Event>) type);
            } else {
                pending.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
        }
        return Map.copyOf(byName);
    }
}
