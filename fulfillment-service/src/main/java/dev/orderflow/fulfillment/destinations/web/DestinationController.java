package dev.orderflow.fulfillment.destinations.web;

import dev.orderflow.fulfillment.destinations.ApiDestination;
import dev.orderflow.fulfillment.destinations.ApiDestinations;
import dev.orderflow.fulfillment.destinations.Authorization;
import dev.orderflow.fulfillment.destinations.Connection;
import dev.orderflow.fulfillment.destinations.Connections;
import dev.orderflow.fulfillment.destinations.DestinationException;
import dev.orderflow.fulfillment.destinations.DestinationException.Kind;
import dev.orderflow.fulfillment.destinations.DestinationException.Problem;
import dev.orderflow.fulfillment.destinations.DestinationManagement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /connections/{name}} and {@code /api-destinations/{name}}. */
@RestController
@Tag(name = "destinations", description = "Connections and API destinations; no answer ever shows a secret")
class DestinationController {

    /** What every answer shows instead of a secret. */
    static final String HIDDEN = "******";

    private final DestinationManagement management;
    private final Connections connections;
    private final ApiDestinations destinations;

    DestinationController(DestinationManagement management, Connections connections, ApiDestinations destinations) {
        this.management = management;
        this.connections = connections;
        this.destinations = destinations;
    }

    record ConnectionView(String name, Map<String, String> authorization, Instant updatedAt) {
        static ConnectionView of(Connection connection) {
            Map<String, String> authorization = new LinkedHashMap<>();
            authorization.put("type", connection.type().name());
            switch (connection.type()) {
                case BASIC -> {
                    authorization.put("username", connection.principal());
                    authorization.put("password", HIDDEN);
                }
                case API_KEY -> {
                    authorization.put("name", connection.principal());
                    authorization.put("value", HIDDEN);
                }
                case NONE -> {}
            }
            return new ConnectionView(connection.name(), authorization, connection.updatedAt());
        }
    }

    record DestinationRequest(
            String endpoint, String httpMethod, String connection, Integer invocationRateLimitPerSecond) {}

    record DestinationView(
            String name,
            String endpoint,
            String httpMethod,
            String connection,
            int invocationRateLimitPerSecond,
            Instant updatedAt) {
        static DestinationView of(ApiDestination destination) {
            return new DestinationView(
                    destination.name(),
                    destination.endpoint().toString(),
                    destination.httpMethod(),
                    destination.connection(),
                    destination.invocationRateLimitPerSecond(),
                    destination.updatedAt());
        }
    }

    @PutMapping("/connections/{name}")
    ResponseEntity<ConnectionView> putConnection(@PathVariable String name, @RequestBody JsonNode body) {
        boolean created = management.putConnection(name, authorization(body));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ConnectionView.of(connections.find(name).orElseThrow()));
    }

    @GetMapping("/connections")
    List<ConnectionView> connections() {
        return connections.findAll().stream().map(ConnectionView::of).toList();
    }

    @GetMapping("/connections/{name}")
    ConnectionView connection(@PathVariable String name) {
        return connections
                .find(name)
                .map(ConnectionView::of)
                .orElseThrow(() -> new DestinationException(Kind.NOT_FOUND, "No connection named " + name + "."));
    }

    @DeleteMapping("/connections/{name}")
    ResponseEntity<Void> deleteConnection(@PathVariable String name) {
        management.deleteConnection(name);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api-destinations/{name}")
    ResponseEntity<DestinationView> putDestination(@PathVariable String name, @RequestBody DestinationRequest body) {
        boolean created = management.putDestination(
                name, body.endpoint(), body.httpMethod(), body.connection(), body.invocationRateLimitPerSecond());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DestinationView.of(destinations.find(name).orElseThrow()));
    }

    @GetMapping("/api-destinations")
    List<DestinationView> destinations() {
        return destinations.findAll().stream().map(DestinationView::of).toList();
    }

    @GetMapping("/api-destinations/{name}")
    DestinationView destination(@PathVariable String name) {
        return destinations
                .find(name)
                .map(DestinationView::of)
                .orElseThrow(() -> new DestinationException(Kind.NOT_FOUND, "No API destination named " + name + "."));
    }

    @DeleteMapping("/api-destinations/{name}")
    ResponseEntity<Void> deleteDestination(@PathVariable String name) {
        management.deleteDestination(name);
        return ResponseEntity.noContent().build();
    }

    /** The request's {@code authorization}; what is wrong with it is a 400 naming the field. */
    private static Authorization authorization(JsonNode body) {
        JsonNode authorization = body == null ? null : body.get("authorization");
        if (authorization == null || !authorization.isObject()) {
            throw DestinationException.invalid(List.of(new Problem("authorization", "is required, as an object")));
        }
        String type = text(authorization, "type");
        if (type == null) {
            throw DestinationException.invalid(
                    List.of(new Problem("authorization.type", "must be one of BASIC, API_KEY, NONE")));
        }
        return switch (type) {
            case "BASIC" -> new Authorization.Basic(text(authorization, "username"), text(authorization, "password"));
            case "API_KEY" -> new Authorization.ApiKey(text(authorization, "name"), text(authorization, "value"));
            case "NONE" -> new Authorization.None();
            default ->
                throw DestinationException.invalid(
                        List.of(new Problem("authorization.type", "must be one of BASIC, API_KEY, NONE")));
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
