package dev.orderflow.fulfillment.targets.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event delivered to a log group. */
@Entity
@Table(name = "log_entries")
public class LogEntry {

    @Id
    private long id;

    @Column(name = "log_group")
    private String logGroup;

    @Column(name = "delivery_id")
    private long deliveryId;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "rule_name")
    private String ruleName;

    private String message;

    @Column(name = "logged_at")
    private Instant loggedAt;

    protected LogEntry() {}

    public String logGroup() {
        return logGroup;
    }

    public String eventId() {
        return eventId;
    }

    public String ruleName() {
        return ruleName;
    }

    /** What the target received: the event's envelope, or its transformation. */
    public String message() {
        return message;
    }

    public Instant loggedAt() {
        return loggedAt;
    }
}
