import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What bin/crash-check asserts after a run whose customers are bench-RUN-*: every order that order-service took is
 * paid, charged exactly once, notified exactly once, and every balance is its deposits minus its charges; when
 * fulfillment-service is part of the stack, every paid order is also dispatched exactly once (one row in
 * fulfillment.dispatches, one OrderDispatched event on the fulfillment topic) and none is left short of DISPATCHED.
 * Dispatching is eventual, so the checks are repeated for up to a minute before they count as failed.
 * With {@code --back-at EPOCH_MS} (when the killed service was back) it also tells what a user saw: orders delayed
 * (paid more than a second after they were placed) and how long after that moment the last order placed before it
 * was paid. Usage: java -cp "bench/target/lib/*" bin/lib/CrashCheck.java RUN [--back-at EPOCH_MS] [JDBC_URL
 * [BOOTSTRAP_SERVERS]]
 */
public class CrashCheck {

    public static void main(String[] args) throws Exception {
        String run = args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        Long backAt = null;
        int flag = rest.indexOf("--back-at");
        if (flag >= 0) {
            backAt = Long.parseLong(rest.remove(flag + 1));
            rest.remove(flag);
        }
        String url = rest.isEmpty() ? "jdbc:postgresql://localhost:5432/orderflow" : rest.getFirst();
        String bootstrap = rest.size() > 1 ? rest.get(1) : "localhost:9092";
        if (backAt != null) {
            try (Connection db = DriverManager.getConnection(url, "orderflow", "orderflow")) {
                report(db, "bench-" + run + "-%", backAt);
            }
        }
        // the suite settles after the run: a restarted service catches up with its backlog first
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(300).toNanos();
        List<String> failures;
        while (true) {
            failures = check(run, url, bootstrap);
            if (failures.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(5_000);
        }
        System.out.printf(
                "%s %.0f s after the run ended%n",
                failures.isEmpty() ? "settled" : "not settled", (System.nanoTime() - start) / 1e9);
        if (!failures.isEmpty()) {
            failures.forEach(failure -> System.out.println("FAIL: " + failure));
            System.exit(1);
        }
        System.out.println("exactly once: every order paid, charged and notified once; every balance adds up");
    }

    private static List<String> check(String run, String url, String bootstrap) throws SQLException {
        String customers = "bench-" + run + "-%";
        List<String> failures = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "orderflow", "orderflow")) {
            boolean fulfillment = count(db, "select count(*) from information_schema.tables"
                    + " where table_schema = 'fulfillment' and table_name = 'dispatches' and ? is not null", customers) > 0;
            long orders = count(db, "select count(*) from orders.orders where customer_id like ?", customers);
            // With fulfillment-service a paid order moves on to DISPATCHED; either way it was paid.
            long paid = count(
                    db,
                    "select count(*) from orders.orders where customer_id like ? and status in ('PAID', 'DISPATCHED')",
                    customers);
            long charges = count(db, "select count(*) from billing.charges where customer_id like ?", customers);
            long paidCharges = count(
                    db, "select count(*) from billing.charges where customer_id like ? and status = 'PAID'", customers);
            long notified = count(
                    db,
                    "select count(*) from notification.notifications where customer_id like ? and type = 'ORDER_PAID'",
                    customers);
            long wrongBalances = count(db, """
                    select count(*) from billing.accounts a
                    where a.customer_id like ?
                      and a.balance <> coalesce((select sum(amount) from billing.deposits d
                                                 where d.customer_id = a.customer_id and d.status = 'ACCEPTED'), 0)
                                     - coalesce((select sum(amount) from billing.charges c
                                                 where c.customer_id = a.customer_id and c.status = 'PAID'), 0)
                    """, customers);
            System.out.printf(
                    "orders %d, paid %d; charges %d (paid %d); ORDER_PAID notifications %d; balances off: %d%n",
                    orders, paid, charges, paidCharges, notified, wrongBalances);
            check(failures, orders > 0, "no orders for bench-" + run);
            check(failures, paid == orders, (orders - paid) + " orders are not PAID");
            check(failures, charges == orders, charges + " charges for " + orders + " orders");
            check(failures, paidCharges == orders, paidCharges + " paid charges for " + orders + " orders");
            check(failures, notified == orders, notified + " ORDER_PAID notifications for " + orders + " orders");
            check(failures, wrongBalances == 0, wrongBalances + " balances are not deposits minus charges");
            if (fulfillment) {
                long dispatchedOrders = count(
                        db, "select count(*) from orders.orders where customer_id like ? and status = 'DISPATCHED'",
                        customers);
                long dispatchRows = count(
                        db, "select count(*) from fulfillment.dispatches where customer_id like ?", customers);
                long strayRows = count(db, """
                        select count(*) from fulfillment.dispatches d
                        where d.customer_id like ?
                          and not exists (select 1 from orders.orders o where o.order_id = d.order_id and o.status in ('PAID', 'DISPATCHED'))
                        """, customers);
                Dispatched events = dispatchedEvents(bootstrap, "bench-" + run + "-");
                System.out.printf(
                        "dispatch rows %d; OrderDispatched: %d orders, %d events, %d records; orders DISPATCHED %d%n",
                        dispatchRows, events.eventsPerOrder.size(), events.events(), events.records, dispatchedOrders);
                check(failures, dispatchRows == paid, dispatchRows + " fulfillment.dispatches rows for " + paid + " paid orders");
                check(failures, strayRows == 0, strayRows + " dispatch rows for orders that are not paid");
                check(failures, events.eventsPerOrder.size() == paid,
                        events.eventsPerOrder.size() + " orders with an OrderDispatched for " + paid + " paid orders");
                long twice = events.eventsPerOrder.values().stream().filter(ids -> ids.size() > 1).count();
                check(failures, twice == 0, twice + " orders dispatched more than once (distinct OrderDispatched ids)");
                check(failures, dispatchedOrders == paid,
                        (paid - dispatchedOrders) + " paid orders are stuck short of DISPATCHED");
            }
        }
        return failures;
    }

    /** OrderDispatched on the fulfillment topic for the run's customers (the record key): event ids per order. */
    private record Dispatched(Map<String, Set<String>> eventsPerOrder, long records) {
        long events() {
            return eventsPerOrder.values().stream().mapToLong(Set::size).sum();
        }
    }

    private static Dispatched dispatchedEvents(String bootstrap, String customerPrefix) {
        Properties properties = new Properties();
        // bin/stack's broker wants a login: the admin's client configuration, as the bin/kafka-*.sh tools use
        String config = System.getProperty("crashcheck.kafka.config", "");
        if (!config.isBlank()) {
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(config))) {
                properties.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + config, e);
            }
        }
        properties.put("bootstrap.servers", bootstrap);
        properties.put("enable.auto.commit", "false");
        properties.put("isolation.level", "read_committed");
        Map<String, Set<String>> perOrder = new HashMap<>();
        long records = 0;
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("fulfillment", Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    String type = header(record, "ce_type");
                    if (record.key() == null || !record.key().startsWith(customerPrefix)
                            || type == null || !type.contains("OrderDispatched")) {
                        continue;
                    }
                    records++;
                    perOrder.computeIfAbsent(header(record, "ce_subject"), order -> new HashSet<>())
                            .add(header(record, "ce_id"));
                }
            }
        }
        return new Dispatched(perOrder, records);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Delayed orders, and the recovery: from the service's return to the charge of the last order placed before. */
    private static void report(Connection db, String customers, long backAt) throws SQLException {
        long delayed = count(db, """
                select count(*) from orders.orders o join billing.charges c on c.order_id = o.order_id
                where o.customer_id like ? and c.created_at > o.created_at + interval '1 second'
                """, customers);
        try (var statement = db.prepareStatement("""
                select extract(epoch from max(c.created_at)) * 1000
                from orders.orders o join billing.charges c on c.order_id = o.order_id
                where o.customer_id like ? and o.created_at < to_timestamp(? / 1000.0)
                """)) {
            statement.setString(1, customers);
            statement.setLong(2, backAt);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                double last = rows.getDouble(1);
                System.out.printf(
                        "delayed (paid > 1 s after placed): %d; recovery: the last order placed before the service was"
                                + " back was paid %.1f s after it was back%n",
                        delayed, Math.max(0, (last - backAt) / 1000));
            }
        }
    }

    private static long count(Connection db, String sql, String customers) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, customers);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void check(List<String> failures, boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
