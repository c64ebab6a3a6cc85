/** HTTP errors as RFC 9457 problem details, the same in every service. */
package dev.orderflow.platform.web;
