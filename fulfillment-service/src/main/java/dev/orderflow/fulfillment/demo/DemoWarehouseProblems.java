package dev.orderflow.fulfillment.demo;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The demo warehouse's refusals as problems: without its Basic credentials a {@code 401} that asks for them (as the
 * outside system it stands for would), a request that breaks one of its rules a {@code 400}.
 */
@RestControllerAdvice(assignableTypes = DemoWarehouseController.class)
class DemoWarehouseProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAuthorised(DemoWarehouseController.NotAuthorised e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"demo-warehouse\"")
                .body(Problems.of(
                        HttpStatus.UNAUTHORIZED, "Unauthorized", "The demo warehouse needs its Basic credentials."));
    }

    @ExceptionHandler
    ProblemDetail refused(DemoWarehouseController.Refused e) {
        return Problems.badRequest("Refused by the demo warehouse", e.getMessage());
    }
}
