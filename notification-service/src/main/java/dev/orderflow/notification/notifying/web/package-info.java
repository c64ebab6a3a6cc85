/** The HTTP API of notifications. */
@NullMarked
package dev.orderflow.notification.notifying.web;

import org.jspecify.annotations.NullMarked;
