package dev.orderflow.billing.deposits.web;

import dev.orderflow.billing.deposits.DepositManagement;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounts")
class DepositController {

    private final DepositManagement deposits;

    DepositController(DepositManagement deposits) {
        this.deposits = deposits;
    }

    /**
     * Requests a deposit: 202, because the balance changes when billing's consumer applies the DepositRequested that
     * this publishes, and DepositAccepted tells when it did.
     */
    @PostMapping("/accounts/{customerId}/deposits")
    @Operation(
            summary = "Request a deposit",
            description =
                    "Travels as DepositRequested on the billing topic and is applied exactly once; DepositAccepted"
                            + " follows on the payment topic when it was.")
    @ApiResponse(
            responseCode = "202",
            description = "The deposit is REQUESTED",
            content = @Content(schema = @Schema(implementation = DepositView.class)))
    @ApiResponse(responseCode = "404", description = "The customer has no account")
    ResponseEntity<DepositView> deposit(
            @PathVariable @CustomerId String customerId, @Valid @RequestBody DepositRequest request) {
        CustomerAccess.requireCustomer(customerId);
        return ResponseEntity.accepted().body(DepositView.requested(deposits.request(customerId, request.amount())));
    }
}
