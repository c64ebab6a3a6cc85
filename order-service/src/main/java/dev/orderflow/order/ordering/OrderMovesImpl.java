package dev.orderflow.order.ordering;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OrderMoves} as one native statement over {@link JdbcClient}: it runs for every payment outcome and dispatch,
 * where a {@code @Query} method would cost several times the statement's own work in the repository's and Hibernate's
 * per-call machinery (docs/adr/0005). The statuses it moves from are one array parameter, so that the statement's text
 * is the same whatever their number and is prepared once.
 */
class OrderMovesImpl implements OrderMoves {

    private static final String MOVE = """
            update orders set status = :to, failure_reason = :reason, version = version + 1
            where order_id = :orderId and status = any(cast(:from as varchar[]))
            """;

    private final JdbcClient jdbc;

    OrderMovesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean move(UUID orderId, OrderStatus next, @Nullable String failureReason) {
        return jdbc.sql(MOVE)
                        .param("orderId", orderId)
                        .param(
                                "from",
                                next.from().stream().map(OrderStatus::name).toArray(String[]::new))
                        .param("to", next.name())
                        .param("reason", failureReason)
                        .update()
                == 1;
    }
}
