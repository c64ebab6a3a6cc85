package dev.orderflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Money stays right under concurrency without luck: every balance change is one conditional update on the account's
 * row, so racing charges and deposits serialise on its lock, and {@code CHECK (balance >= 0)} backs the rule.
 */
class ConcurrencyIT extends BillingTestSupport {

    @Test
    void fortyOrdersAtOnceForACustomerWhoCanAffordTenPayExactlyTen() throws Exception {
        String customer = newCustomer("race");
        fund(customer, "100.00");
        List<OrderCreated> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            orders.add(order(customer, "10.00"));
        }

        runAtOnce(orders.stream()
                .<Callable<Object>>map(order -> () -> kafka.publish(order))
                .toList());

        Map<Class<?>, Long> outcomes = awaitOutcomes(
                        orders.stream().map(OrderCreated::orderId).toList())
                .stream()
                .collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(OrderPaid.class, 10L, PaymentFailed.class, 30L));
        assertThat(balance(customer)).isEqualByComparingTo("0.00");
        assertThat(count("select count(*) from charges where customer_id = ? and status = 'PAID'", customer))
                .isEqualTo(10);
        assertThat(count(
                        "select count(*) from charges where customer_id = ? and reason = 'INSUFFICIENT_FUNDS'",
                        customer))
                .isEqualTo(30);
    }

    /**
     * The worst case on one account: OrderCreated records spread over every partition (as if keyed wrongly, or
     * during a rebalance), so that all of billing's consumers charge the account at once, while HTTP payments from
     * several threads and a deposit race with them.
     */
    @Test
    void racingConsumersHttpPaymentsAndADepositLeaveAConsistentBalance() throws Exception {
        String customer = newCustomer("mixed-race");
        fund(customer, "100.00");
        List<String> keys = keysForEachPartition(3);
        List<UUID> eventOrders = new ArrayList<>();
        List<UUID> httpOrders = new ArrayList<>();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            OrderCreated order = order(customer, "5.00");
            eventOrders.add(order.orderId());
            String key = keys.get(i % keys.size());
            tasks.add(() -> {
                ProducerRecord<String, byte[]> record =
                        KafkaCloudEvents.toRecord(CloudEvent.of("/order-service", order));
                kafka.publishRaw(BillingEvent.TOPIC, key, record.value(), record.headers());
                return null;
            });
            UUID httpOrder = UUID.randomUUID();
            httpOrders.add(httpOrder);
            tasks.add(() -> pay(httpOrder, customer, "5.00"));
        }
        tasks.add(() -> requestDeposit(customer, "50.00"));
        Collections.shuffle(tasks);

        List<Object> results = runAtOnce(tasks);

        Set<Object> httpStatuses =
                results.stream().filter(Integer.class::isInstance).collect(Collectors.toSet());
        assertThat(httpStatuses).isSubsetOf(200, 402);
        List<UUID> allOrders = new ArrayList<>(eventOrders);
        allOrders.addAll(httpOrders);
        List<PaymentEvent> outcomes = awaitOutcomes(allOrders);
        // the deposit has been applied once the stream of the customer's key has caught up with it
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from deposits where customer_id = ? and status = 'ACCEPTED'", customer)
                                == 2);

        long paid = outcomes.stream().filter(OrderPaid.class::isInstance).count();
        BigDecimal balance = balance(customer);
        assertThat(balance)
                .isEqualByComparingTo(
                        new BigDecimal("150.00").subtract(new BigDecimal("5.00").multiply(BigDecimal.valueOf(paid))));
        assertThat(balance.signum()).isNotNegative();
        assertThat(count("select count(*) from charges where customer_id = ? and status = 'PAID'", customer))
                .isEqualTo(paid);
        assertThat(count("select count(*) from charges where customer_id = ?", customer))
                .isEqualTo(48);
        assertThat(outcomes)
                .filteredOn(PaymentFailed.class::isInstance)
                .extracting(outcome -> ((PaymentFailed) outcome).reason())
                .containsOnly(PaymentFailed.INSUFFICIENT_FUNDS);
    }

    private int pay(UUID orderId, String customer, String amount) {
        return http.post()
                .uri("/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"orderId\": \"%s\", \"customerId\": \"%s\", \"amount\": %s}"
                        .formatted(orderId, customer, amount))
                .exchange()
                .returnResult()
                .getStatus()
                .value();
    }

    /** The outcome event of each order, once each has one; fails if an order got more than one. */
    private static List<PaymentEvent> awaitOutcomes(List<UUID> orderIds) {
        Set<String> subjects = orderIds.stream().map(UUID::toString).collect(Collectors.toSet());
        List<CloudEvent> events = await().atMost(TIMEOUT)
                .until(
                        () -> kafka.records(PaymentEvent.TOPIC).stream()
                                .filter(r -> subjects.contains(KafkaCloudEvents.header(r.headers(), "ce_subject")))
                                .map(r -> KafkaCloudEvents.fromRecord(r.headers(), r.value()))
                                .toList(),
                        found -> found.size() >= orderIds.size());
        assertThat(events.stream().map(CloudEvent::subject)).doesNotHaveDuplicates();
        return events.stream().map(event -> (PaymentEvent) event.data()).toList();
    }

    /** Starts all tasks at the same moment and returns their results. */
    private static List<Object> runAtOnce(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** Record keys that Kafka's default partitioner puts on each of the partitions. */
    private static List<String> keysForEachPartition(int partitions) {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 0; byPartition.size() < partitions; i++) {
            String key = "spread-" + i;
            byPartition.putIfAbsent(
                    Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions, key);
        }
        return List.copyOf(byPartition.values());
    }
}
