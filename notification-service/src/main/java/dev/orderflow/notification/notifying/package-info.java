/** Notifications: what customers are told about their payments and orders, stored always and e-mailed when possible. */
package dev.orderflow.notification.notifying;
