/**
 * HTTP errors as RFC 9457 problem details built one way, hardened input and the bound on concurrent requests, the same
 * in every service.
 */
@NullMarked
package dev.orderflow.platform.web;

import org.jspecify.annotations.NullMarked;
