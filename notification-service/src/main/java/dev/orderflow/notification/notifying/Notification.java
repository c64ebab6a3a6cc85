package dev.orderflow.notification.notifying;

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
 * Something the customer was told, and how far its e-mail got. The e-mail moves only from PENDING, by the methods
 * below, which the {@link EmailQueue} calls while its transaction holds the row ({@code for update skip locked}).
 */
@Entity
@Table(name = "notifications")
public class Notification extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(updatable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private NotificationType type;

    @Column(updatable = false)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Channel channel;

    /** The {@code ce_id} of the event it reports, {@code null} for a direct notification. */
    @Column(updatable = false)
    private String eventId;

    @Column(updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private EmailStatus emailStatus;

    private int emailAttempts;

    private String emailLastError;

    /** When the dispatcher may (re)try a PENDING e-mail. */
    private Instant emailNextAttemptAt;

    /** The trace context of the event's processing that stored it, {@code null} when not traced. */
    @Column(updatable = false)
    private @Nullable String traceparent;

    protected Notification() {}

    private Notification(String customerId, NotificationType type, String message, String eventId, boolean emailed) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.type = type;
        this.message = message;
        this.channel = emailed ? Channel.EMAIL : Channel.STORED;
        this.eventId = eventId;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.emailStatus = emailed ? EmailStatus.PENDING : EmailStatus.NOT_SENT;
        this.emailNextAttemptAt = emailed ? createdAt : null;
    }

    /** A new notification, to be e-mailed (due at once) or only stored. */
    static Notification create(
            String customerId, NotificationType type, String message, String eventId, boolean emailed) {
        return new Notification(customerId, type, message, eventId, emailed);
    }

    /** The mail server accepted the e-mail. */
    void emailSent() {
        requirePending();
        emailStatus = EmailStatus.SENT;
        emailAttempts++;
        emailNextAttemptAt = null;
    }

    /** An attempt failed; the e-mail is tried again at {@code retryAt}, or never (FAILED) when that is null. */
    void emailFailed(String error, Instant retryAt) {
        requirePending();
        emailStatus = retryAt == null ? EmailStatus.FAILED : EmailStatus.PENDING;
        emailAttempts++;
        emailLastError = error;
        emailNextAttemptAt = retryAt;
    }

    /** The e-mail is due again later, without an attempt counted. */
    void emailPostponed(Instant until) {
        requirePending();
        emailNextAttemptAt = until;
    }

    /** The customer has no address any more: the e-mail will not be sent. */
    void emailNotSent() {
        requirePending();
        emailStatus = EmailStatus.NOT_SENT;
        emailNextAttemptAt = null;
    }

    private void requirePending() {
        if (emailStatus != EmailStatus.PENDING) {
            throw new IllegalStateException(
                    "The e-mail of notification " + id + " is " + emailStatus + ", not PENDING");
        }
    }

    public UUID id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public NotificationType type() {
        return type;
    }

    public String message() {
        return message;
    }

    public Channel channel() {
        return channel;
    }

    public String eventId() {
        return eventId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public EmailStatus emailStatus() {
        return emailStatus;
    }

    /** How often its e-mail was tried. */
    public int emailAttempts() {
        return emailAttempts;
    }

    /** The trace context of the event's processing that stored it, {@code null} when not traced. */
    public @Nullable String traceparent() {
        return traceparent;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
