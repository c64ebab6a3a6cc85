package dev.orderflow.notification.notifying;

import dev.orderflow.platform.dispatch.DispatchHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one notification's e-mail over SMTP. Without a mail server ({@code spring.mail.host} unset, so no
 * {@link JavaMailSender}) it is not {@link #available()}, and notifications are only stored.
 */
@Component
class EmailSender implements DispatchHandler<DueEmail> {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final JavaMailSender mailSender;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender.getIfAvailable();
        this.from = properties.email().from();
    }

    /** Whether a mail server is configured. */
    boolean available() {
        return mailSender != null;
    }

    /**
     * Sends the e-mail; one whose customer has no address any more is done without sending. Logs either, without the
     * address or the message, in the trace of the event the notification reports.
     */
    @Override
    public void handle(DueEmail email) {
        if (email.to() == null) {
            log.info(
                    "E-mail of notification {} not sent: the customer has no address any more",
                    email.notification().id());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email.to());
        message.setSubject(email.notification().type().subject());
        message.setText(email.notification().message());
        mailSender.send(message);
        log.info("E-mail of notification {} sent", email.notification().id());
    }
}
