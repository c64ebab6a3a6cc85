package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.IdempotencyKeyReusedException;
import dev.orderflow.order.ordering.InvalidOrderException;
import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.order.ordering.OrderManagement.Placement;
import dev.orderflow.order.ordering.OrderNotFoundException;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.web.ProblemDetailsAdvice;
import dev.orderflow.platform.web.ProblemDetailsAdvice.FieldProblem;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;
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
    private final SpringValidatorAdapter validator;

    OrderController(OrderManagement orders, Validator validator) {
        this.orders = orders;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** Places an order; a retry with the same Idempotency-Key answers with the first order, unchanged. */
    @PostMapping("/orders")
    ResponseEntity<OrderView> place(
            @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 1, max = 255) String idempotencyKey) {
        CustomerAccess.requireCustomer(request.customerId());
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalid(problems), null);
        }
        Placement placement = orders.place(request.toCommand(idempotencyKey));
        return ResponseEntity.created(URI.create("/orders/" + placement.order().orderId()))
                .header("Idempotent-Replayed", String.valueOf(placement.replayed()))
                .body(OrderView.of(placement.order()));
    }

    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable UUID orderId) {
        OrderView order = OrderView.of(orders.find(orderId));
        CustomerAccess.requireCustomer(order.customerId());
        return order;
    }

    /** A customer's orders, newest first. */
    @GetMapping("/orders")
    List<OrderView> orders(@RequestParam @NotBlank @Size(max = 64) String customerId) {
        CustomerAccess.requireCustomer(customerId);
        return orders.findByCustomer(customerId).stream().map(OrderView::of).toList();
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidOrderException e) {
        return ProblemDetailsAdvice.invalid(
                e.problems().stream().map(OrderController::fieldProblem).toList());
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
        orders.unknownProducts(codes).forEach(problem -> problems.add(fieldProblem(problem)));
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }

    private static FieldProblem fieldProblem(InvalidOrderException.LineProblem problem) {
        return new FieldProblem(
                problem.line() < 0 ? problem.field() : "items[" + problem.line() + "]." + problem.field(),
                problem.message());
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
