/** Rules: their event patterns and targets, stored, checked, and compiled into one matcher per instance. */
@NullMarked
package dev.orderflow.fulfillment.rules;

import org.jspecify.annotations.NullMarked;
