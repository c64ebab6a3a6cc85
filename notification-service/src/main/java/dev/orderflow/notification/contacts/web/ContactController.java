package dev.orderflow.notification.contacts.web;

import dev.orderflow.notification.contacts.CustomerContacts;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "contacts", description = "Where a customer's notifications are e-mailed")
class ContactController {

    private final CustomerContacts contacts;

    ContactController(CustomerContacts contacts) {
        this.contacts = contacts;
    }

    /** Sets where the customer's notifications are e-mailed. */
    @PutMapping("/customers/{customerId}/contact")
    @Operation(summary = "Set where the customer's notifications are e-mailed")
    @ApiResponse(responseCode = "204", description = "Saved")
    ResponseEntity<Void> setContact(
            @PathVariable @CustomerId String customerId, @Valid @RequestBody ContactRequest request) {
        CustomerAccess.requireCustomer(customerId);
        contacts.save(customerId, request.email().strip());
        return ResponseEntity.noContent().build();
    }
}
