package dev.orderflow.notification.notifying;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the PENDING e-mails of committed notifications, outside the transactions that stored them: SMTP is slow and
 * fallible, and the Kafka consumer must neither wait for it nor fail with it. It runs on one thread, woken right after
 * every commit that stored an e-mail and, for retries and for what a crash left, every poll interval.
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
public class EmailDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Notifications notifications;
    private final JavaMailSender mailSender;
    private final NotificationProperties.Email settings;
    private final TransactionTemplate transactions;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread worker;

    EmailDispatcher(
            Notifications notifications,
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.mailSender = mailSender.getIfAvailable();
        this.settings = properties.email();
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Whether a mail server is configured. */
    public boolean enabled() {
        return mailSender != null;
    }

    /** Asks the dispatcher to look for due e-mails now; cheap, and safe to call from any thread. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Wakes the dispatcher once the current transaction has committed, or now when there is none. */
    void wakeUpAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }
        });
    }

    /**
     * Sends every e-mail that is due now, one transaction each, until it is stopped.
     *
     * @return how many were attempted
     */
    int dispatchDue() {
        int attempted = 0;
        while (running && dispatchNext()) {
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
                    failed >= settings.maxAttempts() ? null : Instant.now().plus(settings.retryDelay(failed));
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

    private void loop() {
        while (running) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.warn("E-mail dispatcher failed, will retry: {}", e.toString());
            }
            try {
                if (wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("email-dispatcher").daemon().start(this::loop);
    }

    /**
     * Lets the e-mail being sent finish, within a grace period, then interrupts the dispatcher: an e-mail cut off is
     * still PENDING and is sent on the next start (or by another instance).
     */
    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            wakeUp();
            try {
                thread.join(STOP_GRACE.toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(STOP_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listeners and web server, so that what they stored last is still sent. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
