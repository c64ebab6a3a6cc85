package dev.orderflow.auth.customers;

import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration: anyone may open a login for a customer id that is still free ({@link CustomerProblems} if not). */
@RestController
class CustomerController {

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    record Registration(
            @CustomerId String customerId,
            @NotNull @Size(min = 8, max = 128) String password) {}

    record Registered(String customerId) {}

    /** The customer id is taken. */
    static class CustomerExists extends RuntimeException {

        CustomerExists(String customerId) {
            super("Customer '" + customerId + "' is registered already.");
        }
    }

    @PostMapping("/customers")
    ResponseEntity<Registered> register(@Valid @RequestBody Registration registration) {
        if (!customers.register(registration.customerId(), registration.password())) {
            throw new CustomerExists(registration.customerId());
        }
        return ResponseEntity.created(URI.create("/customers/" + registration.customerId()))
                .body(new Registered(registration.customerId()));
    }
}
