package dev.orderflow.notification.notifying;

import dev.orderflow.platform.dispatch.DispatchHandler;
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

    /** Sends the e-mail; one whose customer has no address any more is done without sending. */
    @Override
    public void handle(DueEmail email) {
        if (email.to() == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email.to());
        message.setSubject(email.notification().type().subject());
        message.setText(email.notification().message());
        mailSender.send(message);
    }
}
