package dev.orderflow.notification.notifying.web;

import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.security.Scopes;
import dev.orderflow.platform.web.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "notifications", description = "What customers were told")
class NotificationController {

    private final NotificationManagement notifications;

    NotificationController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    /** A customer's notifications, oldest first. */
    @GetMapping("/notifications")
    @Operation(summary = "A customer's notifications, oldest first")
    List<NotificationView> notifications(@RequestParam @CustomerId String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return notifications.findByCustomer(customerId).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** A direct notification: stored, and e-mailed when possible. */
    @PostMapping("/notifications")
    @Operation(summary = "Send a direct notification: stored, and e-mailed when possible")
    @ResponseStatus(HttpStatus.CREATED)
    NotificationView send(@Valid @RequestBody DirectNotificationRequest request) {
        CustomerAccess.requireCustomerOr(request.customerId(), Scopes.NOTIFICATIONS_WRITE);
        return NotificationView.of(notifications.notifyDirectly(request.customerId(), request.message()));
    }
}
