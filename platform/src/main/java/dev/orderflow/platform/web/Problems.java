package dev.orderflow.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way every orderflow service builds an {@code application/problem+json} (RFC 9457) answer: the factories for
 * its problems, and {@link #respond} and {@link #write} to send one from a controller or advice, or from a filter or
 * the servlet container where no controller is involved. A {@code 503} always carries {@code Retry-After}.
 */
public final class Problems {

    /** How many seconds a client that got a {@code 503} is asked to wait before it tries again. */
    public static final String RETRY_AFTER_SECONDS = "1";

    /** Writes problems as Spring MVC does, for the places that answer before or outside Spring MVC. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problems() {}

    /** A problem with the given status, title and detail. */
    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A 400 problem listing the invalid fields, all of them, sorted by field. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        ProblemDetail problem = of(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                sorted.stream()
                        .map(error -> error.field() + " " + error.message())
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", sorted);
        return problem;
    }

    /** A 400 problem for one invalid field. */
    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** A 400 problem for a request that is malformed as a whole (no body, not JSON, not a URL). */
    public static ProblemDetail badRequest(String title, String detail) {
        return of(HttpStatus.BAD_REQUEST, title, detail);
    }

    /** A 404 problem: the thing the request names does not exist. */
    public static ProblemDetail notFound(String title, String detail) {
        return of(HttpStatus.NOT_FOUND, title, detail);
    }

    /** A 409 problem: the request collides with the state it would change (a name taken, a concurrent change). */
    public static ProblemDetail conflict(String title, String detail) {
        return of(HttpStatus.CONFLICT, title, detail);
    }

    /** A 413 problem: the body is larger than the service reads. */
    public static ProblemDetail tooLarge(long maxBytes) {
        return of(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "The body must not be larger than " + maxBytes + " bytes.");
    }

    /** A 503 problem: the service cannot take the request now, and says why. */
    public static ProblemDetail unavailable(String detail) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    /** A 503 problem: the database could not be reached, or went away during the request. */
    public static ProblemDetail databaseUnavailable() {
        return unavailable("The service could not get a database connection, or lost it; try again shortly.");
    }

    /** The problem as a response with its status, and {@code Retry-After} if it is a {@code 503}. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers(problem))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The headers that go with the problem: {@code Retry-After} on a {@code 503}. */
    static HttpHeaders headers(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return headers;
    }

    /** Writes the problem to a servlet response that nothing has been written to yet. */
    public static void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        headers(problem).forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** The problem's JSON, for a writer that is not a servlet response. */
    static byte[] toJson(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }
}
