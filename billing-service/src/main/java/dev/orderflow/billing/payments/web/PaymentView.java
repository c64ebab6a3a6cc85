package dev.orderflow.billing.payments.web;

import dev.orderflow.billing.payments.ChargeOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** A paid charge as the API shows it; {@code balance} is the account's balance right after this charge. */
@Schema(name = "Payment")
record PaymentView(UUID orderId, String status, BigDecimal amount, BigDecimal balance, String currency) {

    static PaymentView of(ChargeOutcome outcome) {
        return new PaymentView(
                outcome.charge().orderId(),
                outcome.status().name(),
                outcome.charge().amount(),
                outcome.balance(),
                outcome.charge().currency());
    }
}
