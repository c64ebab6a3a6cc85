/** The HTTP view of workflow executions and their steps. */
@NullMarked
package dev.orderflow.fulfillment.workflow.web;

import org.jspecify.annotations.NullMarked;
