package dev.orderflow.fulfillment.delivery.web;

import dev.orderflow.fulfillment.delivery.Deliveries;
import dev.orderflow.fulfillment.delivery.DeliveryStatus;
import dev.orderflow.fulfillment.delivery.StoredDelivery;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "rules")
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    record DeliveryView(
            long id,
            String eventId,
            String rule,
            String targetId,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant eventTime,
            boolean replay,
            Instant createdAt,
            Instant finishedAt) {

        static DeliveryView of(StoredDelivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.eventId(),
                    delivery.ruleName(),
                    delivery.targetId(),
                    delivery.status(),
                    delivery.attempts(),
                    delivery.status() == DeliveryStatus.PENDING ? delivery.nextAttemptAt() : null,
                    delivery.lastError(),
                    delivery.eventTime(),
                    !delivery.replayName().isEmpty(),
                    delivery.createdAt(),
                    delivery.finishedAt());
        }
    }

    /** A rule's deliveries, newest first: status, attempts, last error. */
    @GetMapping("/rules/{name}/deliveries")
    @Transactional(readOnly = true)
    List<DeliveryView> deliveries(
            @PathVariable String name, @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return deliveries.findByRule(name, limit).stream().map(DeliveryView::of).toList();
    }
}
