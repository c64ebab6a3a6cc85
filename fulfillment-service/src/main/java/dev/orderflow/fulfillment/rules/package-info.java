/** Rules: their event patterns and targets, stored, checked, and compiled into one matcher per instance. */
package dev.orderflow.fulfillment.rules;
