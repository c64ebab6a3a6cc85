package dev.orderflow.auth.customers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration: anyone may open a login for a customer id that is still free. */
@RestController
class CustomerController {

    /** The customer ids the services accept. */
    static final String CUSTOMER_ID_PATTERN = "[A-Za-z0-9._@-]{1,64}";

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    record Registration(
            @NotNull
            @Pattern(regexp = CUSTOMER_ID_PATTERN, message = "must be 1 to 64 letters, digits, '.', '_', '@' or '-'")
            String customerId,

            @NotNull @Size(min = 8, max = 128) String password) {}

    record Registered(String customerId) {}

    @PostMapping("/customers")
    ResponseEntity<?> register(@Valid @RequestBody Registration registration) {
        if (!customers.register(registration.customerId(), registration.password())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "Customer '" + registration.customerId() + "' is registered already.");
            problem.setTitle("Customer exists");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.created(URI.create("/customers/" + registration.customerId()))
                .body(new Registered(registration.customerId()));
    }
}
