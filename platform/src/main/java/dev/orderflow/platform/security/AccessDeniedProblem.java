package dev.orderflow.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A {@code 403} problem: the caller is known but the token does not allow what the request asks. */
public class AccessDeniedProblem extends ErrorResponseException {

    public AccessDeniedProblem(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return problem;
    }
}
