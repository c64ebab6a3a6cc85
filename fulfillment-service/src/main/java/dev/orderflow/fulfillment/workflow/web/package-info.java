/** The HTTP view of workflow executions and their steps. */
package dev.orderflow.fulfillment.workflow.web;
