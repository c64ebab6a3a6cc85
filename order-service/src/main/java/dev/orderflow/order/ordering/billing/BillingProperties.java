package dev.orderflow.order.ordering.billing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service calls billing's {@code POST /payments} in the HTTP interaction styles, bound to
 * {@code orderflow.order.billing.*}. The longest a {@code POST /orders} waits for billing is about
 * {@code maxAttempts × readTimeout} plus the waits between attempts.
 *
 * @param url billing-service's base URL
 * @param connectTimeout how long to wait for a connection; a refused one fails at once
 * @param readTimeout how long to wait for billing's answer to one attempt
 * @param maxAttempts how often one payment is tried before {@code POST /orders} answers 503, each time with the same
 *     order id (billing charges an order once)
 * @param retryWait the wait after the first failed attempt; it doubles after each further one
 * @param breakerFailureRate the percentage of failed calls, over the last {@code breakerWindow} calls, that opens the
 *     circuit breaker: then {@code POST /orders} answers 503 at once instead of waiting for a billing that is down
 * @param breakerWindow how many of the last calls the breaker looks at
 * @param breakerOpenFor how long the breaker stays open before it lets a few calls try again
 * @param pendingAfter how old a pending order must be before the pending-payment job asks billing again; longer than
 *     one request's calls take, so that the job does not race the request that placed the order
 * @param pendingInterval how often the pending-payment job looks
 */
@ConfigurationProperties("orderflow.order.billing")
public record BillingProperties(
        @DefaultValue("http://localhost:8082") URI url,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("100ms") Duration retryWait,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("20") int breakerWindow,
        @DefaultValue("5s") Duration breakerOpenFor,
        @DefaultValue("10s") Duration pendingAfter,
        @DefaultValue("2s") Duration pendingInterval) {}
