package dev.orderflow.fulfillment.demo;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the demo warehouses received, once per idempotency key. */
@Repository
class DemoWarehouse {

    record ReceivedOrder(String warehouse, String idempotencyKey, String body, Instant receivedAt) {}

    private final JdbcClient jdbc;

    DemoWarehouse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the order unless its key was seen; whether it was new. */
    boolean receive(String warehouse, String idempotencyKey, String body) {
        return jdbc.sql("""
                        insert into demo_warehouse_orders (warehouse, idempotency_key, body)
                        values (:warehouse, :key, :body)
                        on conflict (warehouse, idempotency_key) do nothing
                        """)
                        .param("warehouse", warehouse)
                        .param("key", idempotencyKey)
                        .param("body", body)
                        .update()
                == 1;
    }

    List<ReceivedOrder> received(String warehouse, int limit) {
        return jdbc.sql("""
                        select warehouse, idempotency_key, body, received_at from demo_warehouse_orders
                        where warehouse = :warehouse order by id limit :limit
                        """)
                .param("warehouse", warehouse)
                .param("limit", limit)
                .query((rs, row) -> new ReceivedOrder(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
