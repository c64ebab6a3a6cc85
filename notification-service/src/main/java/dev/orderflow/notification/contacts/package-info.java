/** Customers' contact addresses: where their e-mails go. */
@NullMarked
package dev.orderflow.notification.contacts;

import org.jspecify.annotations.NullMarked;
