package dev.orderflow.platform.security;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A {@code 403} problem: the caller is known but the token does not allow what the request asks. */
public class AccessDeniedProblem extends ErrorResponseException {

    public AccessDeniedProblem(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    static ProblemDetail problem(String detail) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }
}
