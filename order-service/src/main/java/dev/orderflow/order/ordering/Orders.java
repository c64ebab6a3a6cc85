package dev.orderflow.order.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders table and its lines. */
@Repository
public class Orders {

    private static final String SELECT_ORDERS = """
            select o.order_id, o.customer_id, o.location, o.status, o.failure_reason, o.total, o.currency,
                   o.created_at, i.line_no, i.product_code, p.name, i.quantity, i.unit_price
            from orders o
            join order_items i on i.order_id = o.order_id
            join products p on p.product_code = i.product_code
            """;

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new order; a second order with the same idempotency key fails with a duplicate-key error. */
    void insert(Order order, String idempotencyKey, String requestFingerprint) {
        jdbc.sql("""
                        insert into orders (order_id, customer_id, location, status, total, currency, created_at,
                                            idempotency_key, request_hash)
                        values (:id, :customer, :location, :status, :total, :currency, :created, :key, :hash)
                        """)
                .param("id", order.orderId())
                .param("customer", order.customerId())
                .param("location", order.location())
                .param("status", order.status().name())
                .param("total", order.total())
                .param("currency", order.currency())
                .param("created", Timestamp.from(order.createdAt()))
                .param("key", idempotencyKey)
                .param("hash", requestFingerprint)
                .update();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            jdbc.sql("""
                            insert into order_items (order_id, line_no, product_code, quantity, unit_price)
                            values (?, ?, ?, ?, ?)
                            """)
                    .params(order.orderId(), i, line.productCode(), line.quantity(), line.unitPrice())
                    .update();
        }
    }

    public Optional<Order> findById(UUID orderId) {
        return read(SELECT_ORDERS + " where o.order_id = ? order by i.line_no", orderId).stream()
                .findFirst();
    }

    /** A customer's orders, newest first. */
    public List<Order> findByCustomer(String customerId) {
        return read(
                SELECT_ORDERS + " where o.customer_id = ? order by o.created_at desc, o.order_id, i.line_no",
                customerId);
    }

    /** The order first placed with this idempotency key, with the fingerprint of the request that placed it. */
    Optional<Keyed> findByIdempotencyKey(String key) {
        return jdbc.sql("select order_id, request_hash from orders where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Keyed(rs.getObject("order_id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    record Keyed(UUID orderId, String requestFingerprint) {}

    /**
     * Moves a pending order to a final status.
     *
     * @return false when the order is unknown or no longer pending
     */
    boolean settle(UUID orderId, OrderStatus status, String failureReason) {
        return jdbc.sql("""
                                update orders set status = :status, failure_reason = :reason, version = version + 1
                                where order_id = :id and status = 'PENDING'
                                """)
                        .param("status", status.name())
                        .param("reason", failureReason)
                        .param("id", orderId)
                        .update()
                == 1;
    }

    private List<Order> read(String sql, Object parameter) {
        Map<UUID, OrderRows> byId = new LinkedHashMap<>();
        jdbc.sql(sql).param(parameter).query((ResultSet rs) -> {
            UUID id = rs.getObject("order_id", UUID.class);
            byId.computeIfAbsent(id, key -> OrderRows.first(rs)).lines.add(line(rs));
        });
        return byId.values().stream().map(OrderRows::toOrder).toList();
    }

    private static OrderLine line(ResultSet rs) {
        try {
            return new OrderLine(
                    rs.getString("product_code"),
                    rs.getString("name"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("unit_price"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns of one order while its lines are collected. */
    private record OrderRows(Order header, List<OrderLine> lines) {

        static OrderRows first(ResultSet rs) {
            try {
                Order header = new Order(
                        rs.getObject("order_id", UUID.class),
                        rs.getString("customer_id"),
                        rs.getString("location"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getString("failure_reason"),
                        List.of(),
                        rs.getBigDecimal("total"),
                        rs.getString("currency"),
                        rs.getTimestamp("created_at").toInstant());
                return new OrderRows(header, new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Order toOrder() {
            return new Order(
                    header.orderId(),
                    header.customerId(),
                    header.location(),
                    header.status(),
                    header.failureReason(),
                    lines,
                    header.total(),
                    header.currency(),
                    header.createdAt());
        }
    }
}
