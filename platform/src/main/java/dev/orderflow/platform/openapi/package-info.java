/** The OpenAPI document every service serves (springdoc): its info, bearer-token security and problem responses. */
@NullMarked
package dev.orderflow.platform.openapi;

import org.jspecify.annotations.NullMarked;
