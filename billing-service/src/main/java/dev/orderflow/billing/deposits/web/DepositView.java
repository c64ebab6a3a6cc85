package dev.orderflow.billing.deposits.web;

import dev.orderflow.events.DepositRequested;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** A deposit as the API shows it. */
@Schema(name = "Deposit")
record DepositView(UUID depositId, String customerId, BigDecimal amount, String currency, String status) {

    static DepositView requested(DepositRequested deposit) {
        return new DepositView(
                deposit.depositId(), deposit.customerId(), deposit.amount(), deposit.currency(), "REQUESTED");
    }
}
