package dev.orderflow.notification.notifying.web;

import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.security.Scopes;
import dev.orderflow.platform.web.CustomerId;
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
class NotificationController {

    private final NotificationManagement notifications;

    NotificationController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    /** A customer's notifications, oldest first. */
    @GetMapping("/notifications")
    List<NotificationView> notifications(@RequestParam @CustomerId String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return notifications.findByCustomer(customerId).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** A direct notification: stored, and e-mailed when possible. */
    @PostMapping("/notifications")
    @ResponseStatus(HttpStatus.CREATED)
    NotificationView send(@Valid @RequestBody DirectNotificationRequest request) {
        CustomerAccess.requireCustomerOr(request.customerId(), Scopes.NOTIFICATIONS_WRITE);
        return NotificationView.of(notifications.notifyDirectly(request.customerId(), request.message()));
    }
}
