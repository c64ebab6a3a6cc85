/** Acting on committed rows after commit: one dispatcher over a queue table, with retries, give-up and postponement. */
package dev.orderflow.platform.dispatch;
