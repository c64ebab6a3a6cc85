/** The HTTP API of contacts. */
@NullMarked
package dev.orderflow.notification.contacts.web;

import org.jspecify.annotations.NullMarked;
