package dev.orderflow.push.pushing;

import dev.orderflow.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A push of one event's message to one device. It moves only from PENDING, by the methods below, which the
 * {@link PushQueue} calls while its transaction holds the row ({@code for update skip locked}).
 */
@Entity
@Table(name = "push_notifications")
public class Push extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    /** The {@code ce_id} of the event it reports. */
    @Column(updatable = false)
    private String eventId;

    @Column(updatable = false)
    private String token;

    @Column(updatable = false)
    private String customerId;

    @Column(updatable = false)
    private String message;

    /** The event's name, e.g. {@code OrderPaid}. */
    @Column(updatable = false)
    private String eventType;

    @Enumerated(EnumType.STRING)
    private PushStatus status;

    @Column(updatable = false)
    private Instant createdAt;

    /** When the sender accepted it, {@code null} until then. */
    private Instant sentAt;

    private int attempts;

    private String lastError;

    /** When the dispatcher may (re)try a PENDING push. */
    private Instant nextAttemptAt;

    /** The trace context of the event's processing that recorded it, {@code null} when not traced. */
    @Column(updatable = false)
    private @Nullable String traceparent;

    protected Push() {}

    /** The sender accepted it. */
    void sent(Instant at) {
        requirePending();
        status = PushStatus.SENT;
        sentAt = at.truncatedTo(ChronoUnit.MICROS);
        attempts++;
        nextAttemptAt = null;
    }

    /** An attempt failed; the push is tried again at {@code retryAt}, or never (FAILED) when that is null. */
    void failed(String error, Instant retryAt) {
        requirePending();
        status = retryAt == null ? PushStatus.FAILED : PushStatus.PENDING;
        attempts++;
        lastError = error;
        nextAttemptAt = retryAt;
    }

    /** The push is due again later, without an attempt counted. */
    void postponed(Instant until) {
        requirePending();
        nextAttemptAt = until;
    }

    private void requirePending() {
        if (status != PushStatus.PENDING) {
            throw new IllegalStateException("Push " + id + " is " + status + ", not PENDING");
        }
    }

    public UUID id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String token() {
        return token;
    }

    public String customerId() {
        return customerId;
    }

    public String message() {
        return message;
    }

    public String eventType() {
        return eventType;
    }

    public PushStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** How often it was tried. */
    public int attempts() {
        return attempts;
    }

    /** The trace context of the event's processing that recorded it, {@code null} when not traced. */
    public @Nullable String traceparent() {
        return traceparent;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public String toString() {
        return "Push " + id + " of event " + eventId + " to token " + token;
    }
}
