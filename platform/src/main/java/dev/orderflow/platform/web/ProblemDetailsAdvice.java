package dev.orderflow.platform.web;

import dev.orderflow.platform.json.RefusedTextException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns request errors into {@code application/problem+json} (RFC 9457) built by {@link Problems}: Spring MVC's own
 * (unsupported media type or method, missing body: the matching 4xx), a body that fails bean validation or cannot even
 * be read as the expected types, path variables and query parameters that break their constraints or hold control
 * characters (each a {@code 400} listing every invalid field) and a body over the size limit ({@code 413}). Everything
 * else is left to the service's own handlers; what none of them takes goes to {@link DatabaseOutageResolver} (a
 * database that cannot be reached or dies during the request: a {@code 503} with {@code Retry-After}) and then to the
 * error controller. The advice claims no data access exception itself, so that a service's advice can answer its own
 * (a concurrent change as a {@code 409}) while an outage is still answered in one place.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** A body over the size limit that surfaced as something other than an unreadable JSON body. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return Problems.respond(Problems.tooLarge(e.maxBytes()));
    }

    /** Control characters in a path variable or query parameter. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refusedText(RefusedRequestTextException e) {
        return Problems.respond(Problems.invalid(e.problems()));
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
        return answer(Problems.invalid(errors), headers);
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
        return answer(Problems.invalid(errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return answer(
                    Problems.invalid(
                            requestName(mismatch.getParameter()), "must be a " + describe(mismatch.getRequiredType())),
                    headers);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return answer(Problems.invalid(ex.getParameterName(), "is required"), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return answer(Problems.tooLarge(tooLarge.maxBytes()), headers);
        }
        Throwable cause = ex.getCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String message;
            if (mismatch instanceof RefusedTextException refused) {
                message = refused.getOriginalMessage();
            } else if (mismatch instanceof InvalidFormatException invalid) {
                message = "must be a " + describe(invalid.getTargetType()) + ", not " + quote(invalid.getValue());
            } else {
                message = "must be a " + describe(mismatch.getTargetType());
            }
            return answer(Problems.invalid(path(mismatch), message), headers);
        }
        if (cause instanceof DatabindException databind
                && !databind.getPath().isEmpty()
                && databind.getCause() != null) {
            return answer(Problems.invalid(path(databind), databind.getCause().getMessage()), headers);
        }
        if (cause instanceof StreamReadException malformed
                && malformed.processor() instanceof JsonParser parser
                && !path(parser.streamReadContext()).isEmpty()) {
            // e.g. a whole number too large for its field: named like a field that failed binding
            return answer(
                    Problems.invalid(
                            path(parser.streamReadContext()), "is malformed: " + malformed.getOriginalMessage()),
                    headers);
        }
        return answer(
                Problems.badRequest(
                        "Unreadable request body",
                        cause instanceof JacksonException json
                                ? "The body is not valid JSON: " + json.getOriginalMessage()
                                : "A JSON body is required."),
                headers);
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

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
        ResponseEntity<ProblemDetail> response = Problems.respond(problem);
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.addAll(response.getHeaders());
        return ResponseEntity.status(response.getStatusCode()).headers(merged).body(problem);
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

    /** The path of the value a parser stopped in, like {@code items[0].quantity}, or empty at the top level. */
    private static String path(TokenStreamContext context) {
        List<TokenStreamContext> levels = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            levels.addFirst(at);
        }
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext level : levels) {
            if (level.inObject() && level.currentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(level.currentName());
            } else if (level.inArray() && level.getCurrentIndex() >= 0) {
                path.append('[').append(level.getCurrentIndex()).append(']');
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
            Boolean.class, "boolean",
            boolean.class, "boolean",
            String.class, "string",
            java.util.UUID.class, "UUID");

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return TYPE_NAMES.getOrDefault(type, "JSON object");
    }

    private static String quote(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
