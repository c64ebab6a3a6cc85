/** Observability: W3C trace context carried through the outbox, log fields, and the platform's own meters. */
@NullMarked
package dev.orderflow.platform.observability;

import org.jspecify.annotations.NullMarked;
