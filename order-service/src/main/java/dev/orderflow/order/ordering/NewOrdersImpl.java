package dev.orderflow.order.ordering;

import dev.orderflow.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * {@link NewOrders} as data-modifying common table expressions: the order's row, and its lines from three arrays (one
 * element per line, so that the statement's text is the same whatever the number of lines and is prepared once). With
 * an event, the outbox's insert follows them ({@link Outbox#publishAllWith}); without, the order's insert is the
 * statement itself. PostgreSQL checks the lines' foreign key to the order at the end of the statement, when the
 * order's row is there.
 */
class NewOrdersImpl implements NewOrders {

    private static final String ORDER = """
            insert into orders (order_id, customer_id, location, status, total, currency, created_at, idempotency_key,
                                request_hash)
            values (:orderId, :customerId, :location, :status, :total, :currency, :createdAt, :idempotencyKey,
                    :requestHash)
            """;

    private static final String LINES = """
            lines as (
                insert into order_items (order_id, line_no, product_code, quantity, unit_price)
                select :orderId, line.no - 1, line.product_code, line.quantity, line.unit_price
                from unnest(cast(:productCodes as varchar[]), cast(:quantities as integer[]),
                            cast(:unitPrices as numeric[])) with ordinality as line(product_code, quantity, unit_price, no))
            """;

    private final NamedParameterJdbcOperations jdbc;
    private final Outbox outbox;

    NewOrdersImpl(NamedParameterJdbcOperations jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void insertAll(List<NewOrder> orders) {
        List<NewOrder> withEvents =
                orders.stream().filter(o -> o.paymentRequest() != null).toList();
        if (!withEvents.isEmpty()) {
            outbox.publishAllWith(
                    "placed as (" + ORDER + "),\n" + LINES,
                    withEvents.stream()
                            .map(o -> Objects.requireNonNull(o.paymentRequest()).with(params(o.order())))
                            .toList());
        }
        SqlParameterSource[] alone = orders.stream()
                .filter(o -> o.paymentRequest() == null)
                .map(o -> new MapSqlParameterSource(params(o.order())))
                .toArray(SqlParameterSource[]::new);
        if (alone.length > 0) {
            jdbc.batchUpdate("with " + LINES + ORDER, alone);
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
