package dev.orderflow.billing.payments.web;

import dev.orderflow.billing.payments.Billing;
import dev.orderflow.billing.payments.Charge;
import dev.orderflow.billing.payments.ChargeOutcome;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "payments", description = "Synchronous charges, for the http and mixed interaction styles")
class PaymentController {

    /** The reason of a 409 when the orderId was charged before for a different customer, amount or currency. */
    static final String ORDER_ALREADY_CHARGED = "ORDER_ALREADY_CHARGED";

    private final Billing billing;

    PaymentController(Billing billing) {
        this.billing = billing;
    }

    /**
     * Charges an order synchronously, the HTTP-only interaction style. Idempotent per orderId: a retry answers with
     * the first outcome, status code included, and never charges again. 200 when paid; 402 when the balance is too
     * low; 409 when there is no account, or the orderId was charged for a different request.
     */
    @PostMapping("/payments")
    @Operation(
            summary = "Charge an order",
            description = "Idempotent per orderId: a retry answers with the first outcome, status code included, and"
                    + " never charges again. Needs the payments.write scope (order-service's) or an operator's token.")
    @ApiResponse(
            responseCode = "200",
            description = "PAID",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = "boolean")),
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @ApiResponse(
            responseCode = "402",
            description = "The balance does not cover the amount (reason INSUFFICIENT_FUNDS)")
    @ApiResponse(
            responseCode = "409",
            description = "The customer has no account (reason ACCOUNT_NOT_FOUND), or the orderId was charged before"
                    + " for another customer or amount (reason ORDER_ALREADY_CHARGED)")
    ResponseEntity<PaymentView> pay(@Valid @RequestBody PaymentRequest request) {
        CustomerAccess.requireScope(Scopes.PAYMENTS_WRITE);
        Charge charge = request.toCharge();
        ChargeOutcome outcome = billing.charge(charge, request.orderDetails());
        if (!outcome.answers(charge)) {
            throw new ChargeRefused(
                    HttpStatus.CONFLICT,
                    "Order already charged",
                    "Order " + charge.orderId() + " was charged before for a different customer or amount",
                    ORDER_ALREADY_CHARGED,
                    outcome);
        }
        if (!outcome.paid()) {
            throw PaymentFailed.INSUFFICIENT_FUNDS.equals(outcome.reason())
                    ? new ChargeRefused(
                            HttpStatus.PAYMENT_REQUIRED,
                            "Insufficient funds",
                            "The balance of customer '" + charge.customerId() + "' does not cover " + charge.amount(),
                            outcome.reason(),
                            outcome)
                    : new ChargeRefused(
                            HttpStatus.CONFLICT,
                            "Payment failed",
                            "Order " + charge.orderId() + " cannot be charged: " + outcome.reason(),
                            outcome.reason(),
                            outcome);
        }
        return ResponseEntity.ok()
                .header(PaymentProblems.REPLAYED, String.valueOf(outcome.replayed()))
                .body(PaymentView.of(outcome));
    }

    /** A charge that was not made, or not for this request: answered by {@link PaymentProblems} with its reason. */
    static class ChargeRefused extends RuntimeException {

        final HttpStatus status;
        final String title;
        final String reason;
        final ChargeOutcome outcome;

        ChargeRefused(HttpStatus status, String title, String detail, String reason, ChargeOutcome outcome) {
            super(detail);
            this.status = status;
            this.title = title;
            this.reason = reason;
            this.outcome = outcome;
        }
    }
}
