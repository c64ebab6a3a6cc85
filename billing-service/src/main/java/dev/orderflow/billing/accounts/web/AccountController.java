package dev.orderflow.billing.accounts.web;

import dev.orderflow.billing.accounts.AccountNotFoundException;
import dev.orderflow.billing.accounts.Accounts;
import dev.orderflow.billing.accounts.Accounts.Opened;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Opens an account with a zero balance: 201 when new, 200 with the existing account when it was open already. */
    @PostMapping("/accounts")
    ResponseEntity<AccountView> open(@Valid @RequestBody OpenAccountRequest request) {
        CustomerAccess.requireCustomer(request.customerId());
        Opened opened = accounts.open(request.customerId());
        AccountView view = AccountView.of(opened.account());
        return opened.created()
                ? ResponseEntity.created(URI.create("/accounts/" + view.customerId()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/accounts/{customerId}")
    AccountView account(@PathVariable @CustomerId String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return accounts.find(customerId)
                .map(AccountView::of)
                .orElseThrow(() -> new AccountNotFoundException(customerId));
    }
}
