package dev.orderflow.fulfillment.console;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.fulfillment.bus.BusWatcher;
import dev.orderflow.fulfillment.bus.Envelopes;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The newest events the bus saw, of every topic, kept in memory (at most {@value #KEPT}, each once however often Kafka
 * delivered it), and the open live streams of the events pages, each with its filter. An event reaches the streams on a
 * thread of its own, so a slow browser never holds up the bus.
 */
@Component
public class RecentEvents implements BusWatcher {

    static final int KEPT = 5_000;

    /** How long a stream stays open; the browser's EventSource opens the next one by itself. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    /** An event as the console shows it. */
    public record Seen(
            CloudEvent event,
            String topic,
            Instant recordTime,
            String detailType,
            @Nullable String customerId,
            @Nullable String orderId) {}

    /** Which events a page shows: each condition given must hold, blank ones are left out. */
    public record Filter(
            @Nullable String type,
            @Nullable String customer,
            @Nullable String order) {

        boolean matches(Seen seen) {
            return (type == null || type.equalsIgnoreCase(seen.detailType()))
                    && (customer == null || customer.equals(seen.customerId()))
                    && (order == null || order.equals(seen.orderId()));
        }
    }

    private record Stream(Filter filter, SseEmitter emitter, Function<Seen, String> render) {}

    private final ArrayDeque<Seen> events = new ArrayDeque<>();
    private final Map<String, Seen> byId = new HashMap<>();
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("console-events").factory());

    @Override
    public void seen(CloudEvent event, String topic, Instant recordTime) {
        Seen seen = new Seen(
                event,
                topic,
                recordTime,
                Envelopes.detailType(event),
                event.data().customerId(),
                orderId(event));
        synchronized (this) {
            if (byId.putIfAbsent(event.id(), seen) != null) {
                return;
            }
            events.addLast(seen);
            if (events.size() > KEPT) {
                byId.remove(events.removeFirst().event().id());
            }
        }
        if (!streams.isEmpty()) {
            sender.execute(() -> send(seen));
        }
    }

    /** The newest events that pass the filter, newest first. */
    public synchronized List<Seen> newest(Filter filter, int limit) {
        List<Seen> newest = new ArrayList<>();
        for (Iterator<Seen> it = events.descendingIterator(); it.hasNext() && newest.size() < limit; ) {
            Seen seen = it.next();
            if (filter.matches(seen)) {
                newest.add(seen);
            }
        }
        return newest;
    }

    /** The kept events of an order, in the order they happened. */
    public List<Seen> ofOrder(String orderId) {
        List<Seen> order;
        synchronized (this) {
            order = events.stream()
                    .filter(seen -> orderId.equals(seen.orderId()))
                    .toList();
        }
        return order.stream()
                .sorted(Comparator.comparing((Seen seen) -> seen.event().time()).thenComparing(Seen::recordTime))
                .toList();
    }

    public synchronized Optional<Seen> find(String eventId) {
        return Optional.ofNullable(byId.get(eventId));
    }

    /** A live stream of the events that pass the filter, each sent as {@code render} writes it. */
    public SseEmitter stream(Filter filter, Function<Seen, String> render) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Stream stream = new Stream(filter, emitter, render);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(error -> streams.remove(stream));
        streams.add(stream);
        try {
            // the first bytes: the browser knows the stream is open, and a test can tell when it is
            emitter.send(SseEmitter.event().name("open").data("open"));
        } catch (IOException e) {
            streams.remove(stream);
        }
        return emitter;
    }

    private void send(Seen seen) {
        for (Stream stream : streams) {
            if (!stream.filter().matches(seen)) {
                continue;
            }
            try {
                stream.emitter()
                        .send(SseEmitter.event()
                                .name("event")
                                .data(stream.render().apply(seen)));
            } catch (IOException | IllegalStateException gone) {
                streams.remove(stream);
            }
        }
    }

    @PreDestroy
    void close() {
        streams.forEach(stream -> stream.emitter().complete());
        sender.shutdownNow();
    }

    private static @Nullable String orderId(CloudEvent event) {
        if (event.data() instanceof CustomEvent custom) {
            String orderId = custom.detail().path("orderId").asString("");
            return orderId.isEmpty() ? null : orderId;
        }
        return event.subject();
    }
}
