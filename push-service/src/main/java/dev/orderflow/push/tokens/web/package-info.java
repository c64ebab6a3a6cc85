/** The HTTP API of device tokens. */
package dev.orderflow.push.tokens.web;
