package dev.orderflow.stack;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which caught e-mails someone asks for: all of them, those to an address, or those to a customer's contact address.
 *
 * @param heading says what was selected, in words, e.g. "e-mails to alice@example.com (alice's contact address)"
 * @param matching the e-mails selected
 * @param none what to say when no e-mail matches
 */
record MailSelection(String heading, Predicate<CaughtMail> matching, String none) {

    MailSelection(String heading, Predicate<CaughtMail> matching) {
        this(heading, matching, "No " + heading + " yet.");
    }

    /**
     * The selection for {@code who}: nothing (every e-mail), an address (contains {@code @}), or a customer id, whose
     * address is looked up in {@code contacts}.
     */
    static MailSelection of(String who, ContactAddresses contacts) {
        if (who == null || who.isBlank()) {
            return new MailSelection("e-mails", mail -> true);
        }
        String wanted = who.strip();
        if (wanted.contains("@")) {
            return new MailSelection("e-mails to " + wanted, to(wanted));
        }
        Optional<String> address;
        try {
            address = contacts.of(wanted);
        } catch (SQLException e) {
            // The database is not there (an external one, or stopped): guess from the address's local part.
            return new MailSelection(
                    "e-mails to " + wanted + "@… (" + wanted + "'s address could not be read: " + e.getMessage() + ")",
                    mail -> mail.to().toLowerCase(Locale.ROOT).startsWith(wanted.toLowerCase(Locale.ROOT) + "@"));
        }
        return address.map(found ->
                        new MailSelection("e-mails to " + found + " (" + wanted + "'s contact address)", to(found)))
                .orElseGet(() -> new MailSelection(
                        "e-mails for " + wanted,
                        mail -> false,
                        wanted + " has no contact address, so nothing is e-mailed to " + wanted + ": PUT /customers/"
                                + wanted + "/contact on notification-service sets one."));
    }

    private static Predicate<CaughtMail> to(String address) {
        return mail -> mail.to().equalsIgnoreCase(address);
    }
}
