package dev.orderflow.order.ordering.billing;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.order.ordering.Order;
import dev.orderflow.order.ordering.PaymentOutcome;
import dev.orderflow.order.ordering.PaymentUnavailableException;
import dev.orderflow.order.ordering.Payments;
import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.platform.security.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Styles I and II: charges an order through billing's {@code POST /payments} while {@code POST /orders} waits. Each
 * attempt has a connect and a read timeout; a failed attempt is retried with the same order id, which billing charges
 * once, so a retry after a lost answer learns the first outcome instead of charging again. Each call carries this
 * service's client-credentials token ({@link ServiceTokens}), whose only scope, {@code payments.write}, is what billing
 * asks of a charge, and the order's {@code traceparent}. A circuit breaker counts the
 * attempts billing did not answer; while it is open, orders are refused at once ({@link #checkAvailable}).
 */
@Component
@ConditionalOnInteraction({Interaction.HTTP, Interaction.MIXED})
@EnableConfigurationProperties(BillingProperties.class)
class HttpPayments implements Payments {

    private static final Logger log = LoggerFactory.getLogger(HttpPayments.class);

    private final RestClient billing;
    private final CircuitBreaker breaker;
    private final Retry retry;

    /** {@code client}: Boot's, observed, so that each call is in the order's trace and tells billing so. */
    HttpPayments(BillingProperties properties, ServiceTokens serviceTokens, RestClient.Builder client) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.billing = client.baseUrl(properties.url().toString())
                .requestFactory(requests)
                .requestInterceptor(serviceTokens)
                .build();
        this.breaker = CircuitBreaker.of(
                "billing",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.breakerFailureRate())
                        .slidingWindowSize(properties.breakerWindow())
                        .minimumNumberOfCalls(Math.max(1, properties.breakerWindow() / 2))
                        .waitDurationInOpenState(properties.breakerOpenFor())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        // a declined payment is an answer; only silence and errors say billing is unwell
                        .recordException(BillingUnreachable.class::isInstance)
                        .build());
        this.retry = Retry.of(
                "billing",
                RetryConfig.custom()
                        .maxAttempts(properties.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryWait(), 2))
                        .retryOnException(BillingUnreachable.class::isInstance)
                        .build());
    }

    @Override
    public void checkAvailable() {
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            throw PaymentUnavailableException.refused("billing is unavailable (its circuit breaker is open)");
        }
    }

    @Override
    public Optional<OrderCreated> paymentRequest(Order order) {
        // nothing is stored with the order: billing is asked right after, in settle
        return Optional.empty();
    }

    @Override
    public Optional<PaymentOutcome> settle(Order order) {
        try {
            PaymentOutcome outcome = Retry.decorateSupplier(
                            retry, CircuitBreaker.decorateSupplier(breaker, () -> charge(order)))
                    .get();
            // this hop's line in the order's trace, as the events style logs the OrderCreated it publishes
            log.info(
                    "Billing answered for order {}: {}",
                    order.orderId(),
                    outcome.paid() ? "paid" : "not paid, " + outcome.failureReason());
            return Optional.of(outcome);
        } catch (BillingUnreachable | CallNotPermittedException e) {
            log.warn("Order {} stays PENDING: {}", order.orderId(), e.getMessage());
            throw new PaymentUnavailableException(
                    order.orderId(), "billing did not answer for order " + order.orderId() + ": " + e.getMessage(), e);
        }
    }

    private PaymentOutcome charge(Order order) {
        try {
            return billing.post()
                    .uri("/payments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(PaymentCall.of(order))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return PaymentOutcome.wasPaid();
                        }
                        if (status == 402 || status == 409) {
                            Map<?, ?> problem = response.bodyTo(Map.class);
                            Object reason = problem == null ? null : problem.get("reason");
                            return PaymentOutcome.failed(reason == null ? "PAYMENT_DECLINED" : reason.toString());
                        }
                        if (status >= 500 || status == 429 || status == 408) {
                            throw new BillingUnreachable("billing answered " + status);
                        }
                        // billing refused the request itself; asking again would get the same answer
                        log.error("Billing refused the payment of order {} with {}", order.orderId(), status);
                        return PaymentOutcome.failed("PAYMENT_REJECTED");
                    });
        } catch (ResourceAccessException e) {
            throw new BillingUnreachable(e.getMessage());
        } catch (OAuth2AuthorizationException e) {
            // no token from auth-service, so billing was not asked: as unknown as a billing that does not answer
            throw new BillingUnreachable("no token for billing: " + e.getMessage());
        }
    }

    /** The body of billing's {@code POST /payments}: the order's details ride along for {@code OrderPaid}. */
    record PaymentCall(UUID orderId, String customerId, BigDecimal amount, String location, List<Item> items) {

        record Item(String productCode, int quantity, BigDecimal unitPrice) {}

        static PaymentCall of(Order order) {
            return new PaymentCall(
                    order.orderId(),
                    order.customerId(),
                    order.total(),
                    order.location(),
                    order.created().items().stream()
                            .map(item -> new Item(item.productCode(), item.quantity(), item.unitPrice()))
                            .toList());
        }
    }

    /** Billing did not answer, or answered that it cannot answer now: whether it charged is unknown. */
    static final class BillingUnreachable extends RuntimeException {

        BillingUnreachable(String message) {
            super(message, null, false, false);
        }
    }
}
