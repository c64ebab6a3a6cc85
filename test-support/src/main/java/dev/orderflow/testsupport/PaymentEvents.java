package dev.orderflow.testsupport;

import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.util.UUID;

/** Payment events as billing-service publishes them, for the tests of the services that consume them. */
public final class PaymentEvents {

    private PaymentEvents() {}

    public static DepositAccepted depositAccepted(String customerId) {
        return new DepositAccepted(
                UUID.randomUUID(), customerId, new BigDecimal("100.00"), new BigDecimal("100.00"), "USD");
    }

    public static OrderPaid orderPaid(String customerId) {
        return new OrderPaid(UUID.randomUUID(), customerId, new BigDecimal("7.00"), new BigDecimal("93.00"), "USD");
    }

    public static PaymentFailed paymentFailed(String customerId) {
        return new PaymentFailed(
                UUID.randomUUID(), customerId, new BigDecimal("7.00"), PaymentFailed.INSUFFICIENT_FUNDS, "USD");
    }
}
