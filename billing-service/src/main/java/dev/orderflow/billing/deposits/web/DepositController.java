package dev.orderflow.billing.deposits.web;

import dev.orderflow.billing.deposits.DepositManagement;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
    ResponseEntity<DepositView> deposit(
            @PathVariable @CustomerId String customerId, @Valid @RequestBody DepositRequest request) {
        CustomerAccess.requireCustomer(customerId);
        return ResponseEntity.accepted().body(DepositView.requested(deposits.request(customerId, request.amount())));
    }
}
