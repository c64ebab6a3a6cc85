package dev.orderflow.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns request errors into {@code application/problem+json} (RFC 9457) with {@code status}, {@code title} and
 * {@code detail}; validation errors also carry {@code errors: [{field, message}]}, whether the body failed bean
 * validation or could not even be read as the expected types. A request that finds no database connection in time
 * gets a {@code 503} with {@code Retry-After}, like one beyond the {@link ConcurrencyLimitFilter}'s bound.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** How many seconds a client that got a {@code 503} is asked to wait before it tries again. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** One invalid field of a request. */
    public record FieldProblem(String field, String message) {}

    /** A 400 problem listing the invalid fields. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid request");
        problem.setDetail(errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 503 problem: the service cannot take the request now, and says why. */
    public static ProblemDetail unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        problem.setDetail(detail);
        return problem;
    }

    /**
     * No database connection within the pool's connection timeout: the pool is exhausted (overload) or the database is
     * down. Both pass, so the client is told to come back instead of being given a 500. Not logged, as it happens to
     * many requests at once; the metrics count it ({@code hikaricp.connections.timeout}, and
     * {@code http.server.requests} with status 503).
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(unavailable("The service could not get a database connection in time; try again shortly."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return badRequest(invalid(errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors()
                        .forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
            } else {
                String name = requestName(result.getMethodParameter());
                result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
            }
        }
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return badRequest(invalid(errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String message = mismatch instanceof InvalidFormatException invalid
                    ? "must be a " + describe(invalid.getTargetType()) + ", not " + quote(invalid.getValue())
                    : "must be a " + describe(mismatch.getTargetType());
            return badRequest(invalid(List.of(new FieldProblem(path(mismatch), message))), headers);
        }
        if (cause instanceof DatabindException databind
                && !databind.getPath().isEmpty()
                && databind.getCause() != null) {
            return badRequest(
                    invalid(List.of(
                            new FieldProblem(path(databind), databind.getCause().getMessage()))),
                    headers);
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        problem.setDetail(
                cause instanceof JacksonException json
                        ? "The body is not valid JSON: " + json.getOriginalMessage()
                        : "A JSON body is required.");
        return badRequest(problem, headers);
    }

    /** The name a client knows a parameter by: its header, query parameter or path variable name. */
    private static String requestName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        return parameter.getParameterName();
    }

    private static ResponseEntity<Object> badRequest(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            java.math.BigDecimal.class, "number",
            Integer.class, "whole number",
            int.class, "whole number",
            Long.class, "whole number",
            long.class, "whole number",
            String.class, "string",
            java.util.UUID.class, "UUID");

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return TYPE_NAMES.getOrDefault(type, "JSON object");
    }

    private static String quote(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
