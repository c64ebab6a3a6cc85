/** Every service as an OAuth 2 resource server: who the caller is, and what a customer's token may touch. */
package dev.orderflow.platform.security;
