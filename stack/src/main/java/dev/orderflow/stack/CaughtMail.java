package dev.orderflow.stack;

import java.time.Instant;

/** One e-mail that the stack's mail catcher received, as delivered to one recipient. */
record CaughtMail(Instant receivedAt, String from, String to, String subject, String body) {}
