package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.order.ordering.OrderManagement.Placement;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.CustomerId;
import dev.orderflow.platform.web.FieldProblem;
import dev.orderflow.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "orders", description = "Placing orders and following them through payment and dispatch")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderManagement orders;
    private final SpringValidatorAdapter validator;

    OrderController(OrderManagement orders, Validator validator) {
        this.orders = orders;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** Places an order; a retry with the same Idempotency-Key answers with the first order, unchanged. */
    @PostMapping("/orders")
    @Operation(
            summary = "Place an order",
            description = "Prices the items from the catalog. In the events style the order is PENDING until billing"
                    + " answers on the payment topic; in the http and mixed styles it is already PAID or"
                    + " PAYMENT_FAILED.")
    @ApiResponse(
            responseCode = "201",
            description = "The order; Idempotent-Replayed says whether it is the first answer to its Idempotency-Key",
            headers = {
                @Header(name = "Location", description = "/orders/{orderId}", schema = @Schema(type = "string")),
                @Header(name = "Idempotent-Replayed", schema = @Schema(type = "boolean"))
            },
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request")
    ResponseEntity<OrderView> place(
            @RequestBody PlaceOrderRequest request,
            @Parameter(description = "Makes a retried POST answer with the first order instead of placing another")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Size(min = 1, max = 255)
                    String idempotencyKey) {
        CustomerAccess.requireCustomer(request.customerId());
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(problems), null);
        }
        Placement placement = orders.place(request.toCommand(idempotencyKey));
        return ResponseEntity.created(URI.create("/orders/" + placement.order().orderId()))
                .header("Idempotent-Replayed", String.valueOf(placement.replayed()))
                .body(OrderView.of(placement.order()));
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "An order")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No such order")
    OrderView order(@PathVariable UUID orderId) {
        OrderView order = OrderView.of(orders.find(orderId));
        CustomerAccess.requireCustomer(order.customerId());
        return order;
    }

    /** A customer's orders, newest first. */
    @GetMapping("/orders")
    @Operation(summary = "A customer's orders, newest first")
    List<OrderView> orders(@RequestParam @CustomerId String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return orders.findByCustomer(customerId).stream().map(OrderView::of).toList();
    }

    /**
     * What is wrong with the request, all of it at once: the body's own constraints, and, when those fail, the
     * catalog's verdict on the products too (which placing the order would give only once the rest is valid).
     */
    private List<FieldProblem> problems(PlaceOrderRequest request) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "request");
        validator.validate(request, errors);
        if (!errors.hasErrors()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        errors.getFieldErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        List<String> codes =
                request.productCodesToLookUp(line -> errors.hasFieldErrors("items[" + line + "].productCode"));
        orders.unknownProducts(codes).forEach(problem -> problems.add(OrderProblems.fieldProblem(problem)));
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }
}
