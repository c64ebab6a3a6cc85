package dev.orderflow.billing.accounts.web;

import dev.orderflow.billing.accounts.AccountNotFoundException;
import dev.orderflow.billing.accounts.Accounts;
import dev.orderflow.billing.accounts.Accounts.Opened;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounts", description = "Customers' accounts and their balances")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Opens an account with a zero balance: 201 when new, 200 with the existing account when it was open already. */
    @PostMapping("/accounts")
    @Operation(summary = "Open an account, or find the one that is open")
    @ApiResponse(
            responseCode = "201",
            description = "A new account, with a zero balance",
            headers =
                    @Header(
                            name = "Location",
                            description = "/accounts/{customerId}",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The account that was open already",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
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
    @Operation(summary = "An account and its balance")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "404", description = "The customer has no account")
    AccountView account(@PathVariable @CustomerId String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return accounts.find(customerId)
                .map(AccountView::of)
                .orElseThrow(() -> new AccountNotFoundException(customerId));
    }
}
