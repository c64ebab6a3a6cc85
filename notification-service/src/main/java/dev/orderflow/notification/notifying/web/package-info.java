/** The HTTP API of notifications. */
package dev.orderflow.notification.notifying.web;
