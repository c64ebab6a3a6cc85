package dev.orderflow.push.pushing.web;

import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import dev.orderflow.push.pushing.PushManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "pushes", description = "The pushes sent to customers' devices")
class PushNotificationController {

    private final PushManagement pushes;

    PushNotificationController(PushManagement pushes) {
        this.pushes = pushes;
    }

    /** The pushes sent to a customer's devices, oldest first. */
    @GetMapping("/push-notifications")
    @Operation(summary = "The pushes sent to a customer's devices, oldest first")
    List<PushView> pushes(@RequestParam @CustomerId String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return pushes.sentTo(customerId).stream().map(PushView::of).toList();
    }
}
