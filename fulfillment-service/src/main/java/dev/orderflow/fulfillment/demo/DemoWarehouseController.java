package dev.orderflow.fulfillment.demo;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /demo/warehouses/{name}/orders} receives an order as an outside warehouse would: it checks its own
 * Basic credentials (not the services' tokens), needs an {@code Idempotency-Key}, and stores each key once: a repeat
 * is acknowledged with {@code 200} and not stored again. {@code GET} of the same path lists what arrived, oldest first.
 * Refusals are {@link DemoWarehouseProblems}' to answer.
 */
@RestController
@SecurityRequirements
@Tag(
        name = "demo warehouse",
        description = "A stand-in for an outside system; checks Basic credentials of its own, not tokens")
class DemoWarehouseController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoWarehouse warehouse;
    private final DemoProperties properties;

    DemoWarehouseController(DemoWarehouse warehouse, DemoProperties properties) {
        this.warehouse = warehouse;
        this.properties = properties;
    }

    record Received(String idempotencyKey, String status) {}

    record ReceivedView(String warehouse, String idempotencyKey, JsonNode body, Instant receivedAt) {}

    /** The request does not carry the demo warehouse's own Basic credentials. */
    static class NotAuthorised extends RuntimeException {}

    /** The request breaks one of the receiver's rules, said in the message. */
    static class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }

    @PostMapping("/demo/warehouses/{name}/orders")
    ResponseEntity<Received> receive(
            @PathVariable String name,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) String body) {
        requireCredentials(authorization);
        if (!NAME.matcher(name).matches()) {
            throw new Refused("name must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (idempotencyKey == null
                || idempotencyKey.isBlank()
                || idempotencyKey.length() > 128
                || idempotencyKey.chars().anyMatch(Character::isISOControl)) {
            throw new Refused("An Idempotency-Key header of 1 to 128 characters is required.");
        }
        if (body == null || body.indexOf('\0') >= 0) {
            throw new Refused("A JSON body is required.");
        }
        try {
            JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Refused("The body is not valid JSON.");
        }
        boolean stored = warehouse.receive(name, idempotencyKey, body);
        return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Received(idempotencyKey, stored ? "RECEIVED" : "ALREADY_RECEIVED"));
    }

    @GetMapping("/demo/warehouses/{name}/orders")
    List<ReceivedView> received(
            @PathVariable String name,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "100") int limit) {
        requireCredentials(authorization);
        if (limit < 1 || limit > 1000) {
            throw new Refused("limit must be between 1 and 1000");
        }
        return warehouse.received(name, limit).stream()
                .map(order -> new ReceivedView(
                        order.warehouse(), order.idempotencyKey(), JSON.readTree(order.body()), order.receivedAt()))
                .toList();
    }

    private void requireCredentials(String authorization) {
        if (!authorised(authorization)) {
            throw new NotAuthorised();
        }
    }

    /** Whether the header carries the configured credentials; compared in constant time. */
    private boolean authorised(String authorization) {
        if (!properties.configured() || authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        byte[] expected = (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8);
        byte[] given;
        try {
            given = Base64.getDecoder()
                    .decode(authorization.substring("Basic ".length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }
}
