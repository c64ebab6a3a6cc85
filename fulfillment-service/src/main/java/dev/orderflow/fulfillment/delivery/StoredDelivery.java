package dev.orderflow.fulfillment.delivery;

import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** A row of {@code deliveries}: one event for one target of one rule, and how its delivery went so far. */
@Entity
@Table(name = "deliveries")
public class StoredDelivery {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    private long id;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "rule_name")
    private String ruleName;

    @Column(name = "target_id")
    private String targetId;

    @Column(name = "replay_name")
    private String replayName;

    @JdbcTypeCode(SqlTypes.JSON)
    private String target;

    private String input;

    @Column(name = "matched_rules")
    private String[] matchedRules;

    @Column(name = "event_time")
    private Instant eventTime;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private @Nullable String traceparent;

    protected StoredDelivery() {}

    /** As the target's invoker gets it. */
    public Delivery toDelivery() {
        return new Delivery(
                id,
                eventId,
                ruleName,
                Target.of(JSON.readTree(target)),
                input,
                List.of(matchedRules),
                eventTime,
                attempts,
                replayName);
    }

    public long id() {
        return id;
    }

    /** The trace context of the event's processing, or {@code null}. */
    public @Nullable String traceparent() {
        return traceparent;
    }

    public String eventId() {
        return eventId;
    }

    public String ruleName() {
        return ruleName;
    }

    public String targetId() {
        return targetId;
    }

    public String targetJson() {
        return target;
    }

    public String input() {
        return input;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String replayName() {
        return replayName;
    }
}
