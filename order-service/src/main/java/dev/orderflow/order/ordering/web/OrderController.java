package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.IdempotencyKeyReusedException;
import dev.orderflow.order.ordering.InvalidOrderException;
import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.order.ordering.OrderManagement.Placement;
import dev.orderflow.order.ordering.OrderNotFoundException;
import dev.orderflow.platform.web.ProblemDetailsAdvice;
import dev.orderflow.platform.web.ProblemDetailsAdvice.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    List<OrderView> orders(@RequestParam @NotBlank @Size(max = 64) String customerId) {
        return orders.findByCustomer(customerId).stream().map(OrderView::of).toList();
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidOrderException e) {
        return ProblemDetailsAdvice.invalid(e.problems().stream()
                .map(problem -> new FieldProblem(
                        problem.line() < 0 ? problem.field() : "items[" + problem.line() + "]." + problem.field(),
                        problem.message()))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Order not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }
}
