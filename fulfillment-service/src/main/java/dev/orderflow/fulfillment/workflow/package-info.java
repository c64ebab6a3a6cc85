/**
 * Durable workflows (ADR 0008): the {@code workflow} target starts one execution per event, and an engine on the
 * platform's dispatcher runs its steps, each recorded in the transaction that makes its effect.
 */
@NullMarked
package dev.orderflow.fulfillment.workflow;

import org.jspecify.annotations.NullMarked;
