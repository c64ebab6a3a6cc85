/** How notification-service hears of payment outcomes: from the {@code payment} topic, or told over HTTP by billing. */
package dev.orderflow.billing.notifying;
