package dev.orderflow.auth.customers;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A registration for a customer id that is taken: a {@code 409}. */
@RestControllerAdvice(assignableTypes = CustomerController.class)
class CustomerProblems {

    @ExceptionHandler
    ProblemDetail exists(CustomerController.CustomerExists e) {
        return Problems.conflict("Customer exists", e.getMessage());
    }
}
