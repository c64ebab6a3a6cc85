/** HTTP errors as RFC 9457 problem details and the bound on concurrent requests, the same in every service. */
package dev.orderflow.platform.web;
