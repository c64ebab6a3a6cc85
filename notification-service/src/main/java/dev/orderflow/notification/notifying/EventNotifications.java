package dev.orderflow.notification.notifying;

import java.util.Optional;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The write of an event's notification, once per event: a fragment of {@link Notifications}. */
interface EventNotifications {

    /**
     * Stores the notification of an event unless that event has one already, deciding in the same statement whether it
     * is e-mailed: when {@code emailing} (a mail server is configured) and the customer has an address in
     * {@code customer_contacts}, it is an EMAIL notification whose e-mail is PENDING and due at once; otherwise it is
     * only STORED. One round trip instead of a look-up of the address and an insert.
     *
     * @return the stored notification's e-mail status; empty when a notification for the same event exists already
     *     (nothing is stored then)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<EmailStatus> insertOnce(
            String eventId, String customerId, NotificationType type, String message, boolean emailing);
}
