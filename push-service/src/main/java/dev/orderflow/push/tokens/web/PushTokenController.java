package dev.orderflow.push.tokens.web;

import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.push.tokens.PushTokens;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PushTokenController {

    private final PushTokens tokens;

    PushTokenController(PushTokens tokens) {
        this.tokens = tokens;
    }

    /** Registers a device of the customer; the token leaves the customer who had it before, if any. */
    @PutMapping("/customers/{customerId}/push-tokens/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(
            @PathVariable
                    @Size(max = 64)
                    @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain only letters, digits and . _ @ -")
                    String customerId,
            @PathVariable
                    @Size(max = 512)
                    @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
                    String token) {
        CustomerAccess.requireCustomer(customerId);
        tokens.register(customerId, token);
    }

    /** Removes a device of the customer; removing it again, or one the customer does not have, is fine too. */
    @DeleteMapping("/customers/{customerId}/push-tokens/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @Size(max = 64) String customerId, @PathVariable @Size(max = 512) String token) {
        CustomerAccess.requireCustomer(customerId);
        tokens.remove(customerId, token);
    }
}
