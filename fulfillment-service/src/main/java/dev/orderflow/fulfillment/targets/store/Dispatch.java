package dev.orderflow.fulfillment.targets.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An order stored for fulfilment and dispatched: what it was, and which rules matched the event that brought it. */
@Entity
@Table(name = "dispatches")
public class Dispatch {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "customer_id")
    private String customerId;

    private String location;

    @JdbcTypeCode(SqlTypes.JSON)
    private String items;

    private BigDecimal total;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;

    @Column(name = "matched_rules")
    private String[] matchedRules;

    private String route;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    protected Dispatch() {}

    public UUID orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String location() {
        return location;
    }

    /** The order's items, as the event carried them (JSON). */
    public String items() {
        return items;
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public List<String> matchedRules() {
        return List.of(matchedRules);
    }

    public String route() {
        return route;
    }

    public String eventId() {
        return eventId;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }
}
