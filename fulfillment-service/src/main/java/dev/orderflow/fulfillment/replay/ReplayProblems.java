package dev.orderflow.fulfillment.replay;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A replay's refusals as problems: a request that cannot be replayed (400), a name taken (409), an unknown name (404). */
@RestControllerAdvice(assignableTypes = ReplayController.class)
class ReplayProblems {

    @ExceptionHandler
    ProblemDetail refused(ReplayException e) {
        return e.conflict()
                ? Problems.conflict("Replay exists", e.getMessage())
                : Problems.badRequest("Invalid replay", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(ReplayController.ReplayNotFound e) {
        return Problems.notFound("Replay not found", e.getMessage());
    }
}
