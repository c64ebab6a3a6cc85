/** notification-service: stores a notification for every payment outcome and dispatched order, e-mailed when it can. */
package dev.orderflow.notification;
