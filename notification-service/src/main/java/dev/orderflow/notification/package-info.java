/** notification-service: stores a notification for every payment outcome and e-mails it when it can. */
package dev.orderflow.notification;
