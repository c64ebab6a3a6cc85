/** Customers' contact addresses: where their e-mails go. */
package dev.orderflow.notification.contacts;
