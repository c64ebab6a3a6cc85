package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderflow.order.catalog.Products;
import dev.orderflow.platform.outbox.Outbox;
import dev.orderflow.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order, its lines and its event are written by one statement in the JPA transaction's connection: they commit
 * together or not at all, with whatever else the transaction does.
 */
@IntegrationTest
class OrderTransactionIT {

    @Autowired
    OrderManagement orderManagement;

    @Autowired
    Orders orders;

    @Autowired
    Products products;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anOrderAndItsEventRollBackTogether() {
        String customer = "rollback-" + UUID.randomUUID();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    orderManagement.place(request(customer, null));
                    throw new IllegalStateException("something after the order failed");
                }))
                .hasMessage("something after the order failed");

        assertThat(count("select count(*) from orders where customer_id = ?", customer))
                .isZero();
        assertThat(count("select count(*) from outbox where record_key = ?", customer))
                .isZero();
    }

    @Test
    void anOrderWhoseIdempotencyKeyIsTakenWritesNeitherItsRowsNorItsEvent() {
        String key = UUID.randomUUID().toString();
        orderManagement.place(request("first-" + UUID.randomUUID(), key));
        String customer = "key-taken-" + UUID.randomUUID();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    Order order = Order.price(request(customer, key), products.findByCodes(List.of("pen")));
                    orders.insertAll(List.of(new NewOrders.NewOrder(order, outbox.prepare(order.created()))));
                }))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("select count(*) from orders where customer_id = ?", customer))
                .isZero();
        assertThat(count("select count(*) from outbox where record_key = ?", customer))
                .isZero();
    }

    @Test
    void anOrderIsStoredWithEachOfItsLinesInTheirOrder() {
        String customer = "lines-" + UUID.randomUUID();
        PlaceOrder request = new PlaceOrder(
                customer,
                "eu",
                List.of(
                        new PlaceOrder.Line("pen", 2),
                        new PlaceOrder.Line("stapler", 1),
                        new PlaceOrder.Line("pen", 3)),
                null);

        Order placed = orderManagement.place(request).order();

        assertThat(orders.findWithLines(placed.orderId()).orElseThrow().lines())
                .extracting(OrderLine::productCode, OrderLine::quantity, line -> line.unitPrice()
                        .toPlainString())
                .containsExactly(tuple("pen", 2, "2.00"), tuple("stapler", 1, "12.90"), tuple("pen", 3, "2.00"));
    }

    @Test
    void ordersPlacedTogetherAreEachStoredWithTheirEventAndARepeatedKeyOnce() throws Exception {
        String batch = "together-" + UUID.randomUUID();
        List<PlaceOrder> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            requests.add(request(batch + "-" + i, null));
        }
        String key = UUID.randomUUID().toString();
        requests.add(request(batch + "-keyed", key));
        requests.add(request(batch + "-keyed", key));

        List<OrderManagement.Placement> placements = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<OrderManagement.Placement> placement : clients.invokeAll(requests.stream()
                    .map(request -> (Callable<OrderManagement.Placement>) () -> orderManagement.place(request))
                    .toList())) {
                placements.add(placement.get());
            }
        }

        assertThat(placements.subList(0, 24)).noneMatch(OrderManagement.Placement::replayed);
        List<OrderManagement.Placement> keyed = placements.subList(24, 26);
        assertThat(keyed)
                .extracting(p -> p.order().orderId())
                .containsOnly(keyed.getFirst().order().orderId());
        assertThat(keyed).extracting(OrderManagement.Placement::replayed).containsExactlyInAnyOrder(true, false);
        assertThat(count("select count(*) from orders where customer_id like ?", batch + "-%"))
                .isEqualTo(25);
        assertThat(count("select count(*) from outbox where record_key like ?", batch + "-%"))
                .isEqualTo(25);
    }

    private static PlaceOrder request(String customer, String idempotencyKey) {
        return new PlaceOrder(customer, "eu", List.of(new PlaceOrder.Line("pen", 1)), idempotencyKey);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
