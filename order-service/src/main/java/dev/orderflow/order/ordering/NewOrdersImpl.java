package dev.orderflow.order.ordering;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link NewOrders} as data-modifying common table expressions: the order's row, its lines from three arrays (one
 * element per line, so the statement's text is the same whatever the number of lines and is prepared once), and the
 * outbox's insert after them ({@link Outbox#publishWith}). PostgreSQL checks the lines' foreign key to the order at
 * the end of the statement, when the order's row is there.
 */
class NewOrdersImpl implements NewOrders {

    private static final String WRITES = """
            placed as (
                insert into orders (order_id, customer_id, location, status, total, currency, created_at,
                                    idempotency_key, request_hash)
                values (:orderId, :customerId, :location, :status, :total, :currency, :createdAt, :idempotencyKey,
                        :requestHash)),
            lines as (
                insert into order_items (order_id, line_no, product_code, quantity, unit_price)
                select :orderId, line.no - 1, line.product_code, line.quantity, line.unit_price
                from unnest(cast(:productCodes as varchar[]), cast(:quantities as integer[]),
                            cast(:unitPrices as numeric[])) with ordinality as line(product_code, quantity, unit_price, no))
            """;

    private final JdbcClient jdbc;
    private final Outbox outbox;

    NewOrdersImpl(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void insert(Order order, Optional<OrderCreated> paymentRequest) {
        Map<String, Object> params = params(order);
        if (paymentRequest.isPresent()) {
            outbox.publishWith(paymentRequest.get(), WRITES, params);
        } else {
            jdbc.sql("with " + WRITES + " select 1").params(params).query().singleValue();
        }
    }

    private static Map<String, Object> params(Order order) {
        Map<String, Object> params = new HashMap<>();
        params.put("orderId", order.orderId());
        params.put("customerId", order.customerId());
        params.put("location", order.location());
        params.put("status", order.status().name());
        params.put("total", order.total());
        params.put("currency", order.currency());
        params.put("createdAt", Timestamp.from(order.createdAt()));
        params.put("idempotencyKey", order.idempotencyKey());
        params.put("requestHash", order.requestFingerprint());
        params.put(
                "productCodes",
                order.lines().stream().map(OrderLine::productCode).toArray(String[]::new));
        params.put("quantities", order.lines().stream().map(OrderLine::quantity).toArray(Integer[]::new));
        params.put(
                "unitPrices",
                order.lines().stream()
                        .map(line -> line.unitPrice().toPlainString())
                        .toArray(String[]::new));
        return params;
    }
}
