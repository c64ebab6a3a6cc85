/** The HTTP API of device tokens. */
@NullMarked
package dev.orderflow.push.tokens.web;

import org.jspecify.annotations.NullMarked;
