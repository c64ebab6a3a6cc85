package dev.orderflow.push.tokens.web;

import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import dev.orderflow.push.tokens.PushTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "push tokens", description = "The device tokens a customer's pushes go to")
class PushTokenController {

    private final PushTokens tokens;

    PushTokenController(PushTokens tokens) {
        this.tokens = tokens;
    }

    /** Registers a device of the customer; the token leaves the customer who had it before, if any. */
    @PutMapping("/customers/{customerId}/push-tokens/{token}")
    @Operation(summary = "Register a device token of the customer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(@PathVariable @CustomerId String customerId, @PathVariable @PushToken String token) {
        CustomerAccess.requireCustomer(customerId);
        tokens.register(customerId, token);
    }

    /** Removes a device of the customer; removing it again, or one the customer does not have, is fine too. */
    @DeleteMapping("/customers/{customerId}/push-tokens/{token}")
    @Operation(summary = "Remove a device token of the customer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @CustomerId String customerId, @PathVariable @PushToken String token) {
        CustomerAccess.requireCustomer(customerId);
        tokens.remove(customerId, token);
    }
}
