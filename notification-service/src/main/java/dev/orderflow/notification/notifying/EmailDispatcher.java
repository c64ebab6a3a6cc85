package dev.orderflow.notification.notifying;

import dev.orderflow.platform.work.BackgroundWorker;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the PENDING e-mails of committed notifications, outside the transactions that stored them: SMTP is slow and
 * fallible, and the Kafka consumer must neither wait for it nor fail with it. It is a {@link BackgroundWorker}, woken right
 * after every commit that stored an e-mail and, for retries and for what a crash left, every poll interval.
 *
 * <p>Each e-mail is sent in its own transaction that holds the row's lock ({@code for update skip locked}), so several
 * instances never send one e-mail at once, and marks it SENT; a failure is recorded with its error and tried again
 * after an exponentially growing wait, until it is marked FAILED after the configured number of attempts. A crash
 * between the send and the commit means the e-mail is sent again: delivery is at least once.
 *
 * <p>Without a mail server ({@code spring.mail.host} unset, so no {@link JavaMailSender}) it is {@link #enabled()
 * disabled} and notifications are only stored.
 */
@Component
public class EmailDispatcher extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final Notifications notifications;
    private final JavaMailSender mailSender;
    private final NotificationProperties.Email settings;
    private final TransactionTemplate transactions;

    EmailDispatcher(
            Notifications notifications,
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            PlatformTransactionManager transactions) {
        super(
                "email-dispatcher",
                properties.email().pollInterval(),
                properties.email().pollInterval());
        this.notifications = notifications;
        this.mailSender = mailSender.getIfAvailable();
        this.settings = properties.email();
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Whether a mail server is configured. */
    @Override
    public boolean enabled() {
        return mailSender != null;
    }

    /**
     * Sends every e-mail that is due now, one transaction each, until it is stopped.
     *
     * @return how many were attempted
     */
    int dispatchDue() {
        int attempted = 0;
        while (isRunning() && dispatchNext()) {
            attempted++;
        }
        return attempted;
    }

    private boolean dispatchNext() {
        return Boolean.TRUE.equals(transactions.execute(status -> notifications
                .lockNextDue(Instant.now())
                .map(email -> {
                    send(email);
                    return true;
                })
                .orElse(false)));
    }

    private void send(Notifications.DueEmail email) {
        if (email.to() == null) {
            notifications.markEmailNotSent(email.id());
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.from());
            message.setTo(email.to());
            message.setSubject(email.type().subject());
            message.setText(email.message());
            mailSender.send(message);
            notifications.markEmailSent(email.id());
        } catch (RuntimeException e) {
            int failed = email.attempts() + 1;
            Instant retryAt =
                    settings.retry().nextAttempt(failed, Instant.now()).orElse(null);
            String error = describe(e);
            notifications.markEmailFailed(email.id(), error, retryAt);
            if (retryAt == null) {
                log.error("E-mail of notification {} failed {} times, giving up: {}", email.id(), failed, error);
            } else {
                log.warn(
                        "E-mail of notification {} failed (attempt {} of {}), retrying at {}: {}",
                        email.id(),
                        failed,
                        settings.maxAttempts(),
                        retryAt,
                        error);
            }
        }
    }

    /** The exception and its root cause, which is where SMTP says what went wrong. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + "; caused by " + root;
    }

    @Override
    protected void work() {
        dispatchDue();
    }
}
