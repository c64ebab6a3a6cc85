package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.order.catalog.Products;
import dev.orderflow.platform.outbox.Outbox;
import dev.orderflow.testsupport.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox writes with JdbcClient, the orders with JPA: both go through the JPA transaction's one connection, so an
 * order and its event commit together or not at all, including when the order's rows fail only at the flush on
 * commit, after the event's row was written.
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
    void anEventIsRolledBackWhenItsOrderFailsAtTheFlushOnCommit() {
        String key = UUID.randomUUID().toString();
        orderManagement.place(request("first-" + UUID.randomUUID(), key));
        String customer = "flush-fails-" + UUID.randomUUID();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    PlaceOrder second = request(customer, key);
                    Order order = orders.save(Order.price(second, products.findByCodes(List.of("pen"))));
                    CloudEvent event = outbox.publish(order.created());
                    // the event's row is written already; the order's rows wait for the flush
                    assertThat(count("select count(*) from outbox where event_id = ?", event.id()))
                            .isOne();
                }))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("select count(*) from orders where customer_id = ?", customer))
                .isZero();
        assertThat(count("select count(*) from outbox where record_key = ?", customer))
                .isZero();
    }

    private static PlaceOrder request(String customer, String idempotencyKey) {
        return new PlaceOrder(customer, "eu", List.of(new PlaceOrder.Line("pen", 1)), idempotencyKey);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
