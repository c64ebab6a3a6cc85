/** notification-service: stores a notification for every payment outcome and dispatched order, e-mailed when it can. */
@NullMarked
package dev.orderflow.notification;

import org.jspecify.annotations.NullMarked;
