/**
 * HTTP errors as RFC 9457 problem details built one way, hardened input and the bound on concurrent requests, the same
 * in every service.
 */
package dev.orderflow.platform.web;
