/** How notification-service hears of payment outcomes: from the {@code payment} topic, or told over HTTP by billing. */
@NullMarked
package dev.orderflow.billing.notifying;

import org.jspecify.annotations.NullMarked;
