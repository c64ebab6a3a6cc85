/** Notifications: what customers are told about their payments and orders, stored always and e-mailed when possible. */
@NullMarked
package dev.orderflow.notification.notifying;

import org.jspecify.annotations.NullMarked;
