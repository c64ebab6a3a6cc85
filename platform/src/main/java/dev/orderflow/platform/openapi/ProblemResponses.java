package dev.orderflow.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem+json (RFC 9457) answers of each operation, as the platform gives them: {@code 400} where there is input
 * (every string refuses control characters, and constraints apply), {@code 401} and {@code 403} where a token is
 * needed, {@code 413} where there is a body, and {@code 503} everywhere (the database is out of reach; with
 * {@code Retry-After}). The answers that depend on the operation, such as {@code 404} or {@code 409}, the controller
 * declares with {@code @ApiResponse(responseCode = "404", description = ...)}: any error response declared without a
 * problem body gets the problem's.
 */
final class ProblemResponses implements GlobalOperationCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The status codes documented as shared responses, with what each means here. */
    private static final Map<HttpStatus, String> SHARED = sharedResponses();

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean secured =
                operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        if (input) {
            addShared(responses, HttpStatus.BAD_REQUEST);
        }
        if (secured) {
            addShared(responses, HttpStatus.UNAUTHORIZED);
            addShared(responses, HttpStatus.FORBIDDEN);
        }
        if (operation.getRequestBody() != null) {
            addShared(responses, HttpStatus.CONTENT_TOO_LARGE);
        }
        addShared(responses, HttpStatus.SERVICE_UNAVAILABLE);
        responses.forEach((code, response) -> {
            // springdoc gives a declared response the method's return type; an error's body is a problem instead
            if (isError(code)
                    && response.get$ref() == null
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static void addShared(ApiResponses responses, HttpStatus status) {
        String code = String.valueOf(status.value());
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + name(status)));
        }
    }

    /** The schemas and shared responses that the operations refer to. */
    static void addComponents(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(
                FIELD_PROBLEM,
                new ObjectSchema()
                        .description("One invalid field of a request.")
                        .addProperty(
                                "field",
                                new StringSchema()
                                        .description("the field's path in the body (items[0].quantity), or the name of"
                                                + " the path variable, query parameter or header")
                                        .example("items[0].quantity"))
                        .addProperty(
                                "message",
                                new StringSchema()
                                        .description("what is wrong with it, to be read after the field's name")
                                        .example("must be greater than or equal to 1"))
                        .required(List.of("field", "message")));
        components.addSchemas(
                PROBLEM,
                new ObjectSchema()
                        .description("An RFC 9457 problem detail, as every orderflow service answers an error.")
                        .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                        .addProperty("title", new StringSchema().example("Invalid request"))
                        .addProperty(
                                "status", new IntegerSchema().format("int32").example(400))
                        .addProperty(
                                "detail",
                                new StringSchema().example("items[0].quantity must be greater than or equal to 1"))
                        .addProperty(
                                "instance",
                                new StringSchema().format("uri-reference").example("/orders"))
                        .addProperty(
                                "errors",
                                new ArraySchema()
                                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                                        .description("a 400's invalid fields, all of them, sorted by field"))
                        .required(List.of("title", "status")));
        SHARED.forEach((status, description) -> {
            ApiResponse response = new ApiResponse().description(description).content(problemContent());
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                response.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("seconds to wait before trying again")
                                .schema(new IntegerSchema()));
            }
            if (status == HttpStatus.UNAUTHORIZED) {
                response.addHeaderObject(
                        "WWW-Authenticate",
                        new Header()
                                .description("Bearer, with the error if a token was sent")
                                .schema(new StringSchema()));
            }
            components.addResponses(name(status), response);
        });
        openApi.setComponents(components);
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    /** {@code BadRequest}, {@code ServiceUnavailable}: the response's name in the components. */
    private static String name(HttpStatus status) {
        StringBuilder name = new StringBuilder();
        for (String word : status.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    private static Map<HttpStatus, String> sharedResponses() {
        Map<HttpStatus, String> shared = new LinkedHashMap<>();
        shared.put(
                HttpStatus.BAD_REQUEST,
                "The request is invalid: a field breaks a constraint or holds control characters, the body is not the"
                        + " expected JSON, or a number has more decimals than it may. Nothing was changed.");
        shared.put(HttpStatus.UNAUTHORIZED, "No bearer token, or one that is not valid (forged, expired).");
        shared.put(
                HttpStatus.FORBIDDEN,
                "The token is valid but may not do this: another customer's data, or an operator's operation.");
        shared.put(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than the service reads.");
        shared.put(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot take the request now (its database is out of reach); nothing was changed. Try"
                        + " again after Retry-After seconds.");
        return shared;
    }
}
