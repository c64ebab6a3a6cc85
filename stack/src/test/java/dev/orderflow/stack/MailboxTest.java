package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void keepsOnlyTheLatestMailsAndListsThemLatestFirst() {
        Mailbox mailbox = new Mailbox(2);

        mailbox.add(mail("first"));
        mailbox.add(mail("second"));
        mailbox.add(mail("third"));

        assertThat(mailbox.latest(mail -> true, 10))
                .extracting(CaughtMail::subject)
                .containsExactly("third", "second");
        assertThat(mailbox.received()).isEqualTo(3);
    }

    @Test
    void returnsAtMostTheLimitOfTheMatchingMails() {
        Mailbox mailbox = new Mailbox(10);
        for (String subject : new String[] {"a1", "b1", "a2", "a3"}) {
            mailbox.add(mail(subject));
        }

        assertThat(mailbox.latest(mail -> mail.subject().startsWith("a"), 2))
                .extracting(CaughtMail::subject)
                .containsExactly("a3", "a2");
    }

    private static CaughtMail mail(String subject) {
        return new CaughtMail(Instant.now(), "from@example.com", "to@example.com", subject, "body");
    }
}
