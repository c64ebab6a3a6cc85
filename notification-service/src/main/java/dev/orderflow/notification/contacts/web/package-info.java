/** The HTTP API of contacts. */
package dev.orderflow.notification.contacts.web;
