package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.order.ordering.OrderManagement.Placement;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    /** Places an order; a retry with the same Idempotency-Key answers with the first order, unchanged. */
    @PostMapping("/orders")
    ResponseEntity<OrderView> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 1, max = 255) String idempotencyKey) {
        Placement placement = orders.place(request.toCommand(idempotencyKey));
        return ResponseEntity.created(URI.create("/orders/" + placement.order().orderId()))
                .header("Idempotent-Replayed", String.valueOf(placement.replayed()))
                .body(OrderView.of(placement.order()));
    }

    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable UUID orderId) {
        return OrderView.of(orders.find(orderId));
    }

    /** A customer's orders, newest first. */
    @GetMapping("/orders")
    List<OrderView> orders(@RequestParam @CustomerId String customerId) {
        return orders.findByCustomer(customerId).stream().map(OrderView::of).toList();
    }
}
