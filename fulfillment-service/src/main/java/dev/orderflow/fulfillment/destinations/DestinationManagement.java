package dev.orderflow.fulfillment.destinations;

import dev.orderflow.fulfillment.destinations.Connection.AuthorizationType;
import dev.orderflow.fulfillment.destinations.DestinationException.Kind;
import dev.orderflow.fulfillment.destinations.DestinationException.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, replaces and deletes connections and API destinations, checking them first; secrets go in encrypted. */
@Service
public class DestinationManagement {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    /** An HTTP header name (RFC 9110 token). */
    static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z\\-]{1,256}");

    static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "GET", "DELETE");
    private static final int MAX_SECRET = 512;

    private final Connections connections;
    private final ApiDestinations destinations;
    private final SecretBox secrets;
    private final RateLimiters rateLimiters;

    DestinationManagement(
            Connections connections, ApiDestinations destinations, SecretBox secrets, RateLimiters rateLimiters) {
        this.connections = connections;
        this.destinations = destinations;
        this.secrets = secrets;
        this.rateLimiters = rateLimiters;
    }

    /**
     * Creates or replaces a connection.
     *
     * @return whether it was new
     */
    @Transactional
    public boolean putConnection(String name, Authorization authorization) {
        List<Problem> problems = new ArrayList<>();
        checkName(name, problems);
        Connection connection =
                switch (authorization) {
                    case Authorization.Basic basic -> {
                        checkText("authorization.username", basic.username(), 256, problems);
                        if (basic.username() != null && basic.username().contains(":")) {
                            problems.add(new Problem("authorization.username", "must not contain ':'"));
                        }
                        checkText("authorization.password", basic.password(), MAX_SECRET, problems);
                        yield problems.isEmpty()
                                ? new Connection(
                                        name,
                                        AuthorizationType.BASIC,
                                        basic.username(),
                                        seal(basic.password(), name),
                                        null)
                                : null;
                    }
                    case Authorization.ApiKey key -> {
                        checkText("authorization.name", key.name(), 256, problems);
                        if (key.name() != null
                                && !HEADER_NAME.matcher(key.name()).matches()) {
                            problems.add(new Problem("authorization.name", "must be an HTTP header name"));
                        }
                        checkText("authorization.value", key.value(), MAX_SECRET, problems);
                        yield problems.isEmpty()
                                ? new Connection(
                                        name, AuthorizationType.API_KEY, key.name(), seal(key.value(), name), null)
                                : null;
                    }
                    case Authorization.None none ->
                        problems.isEmpty() ? new Connection(name, AuthorizationType.NONE, null, null, null) : null;
                };
        if (!problems.isEmpty()) {
            throw DestinationException.invalid(problems);
        }
        return connections.save(connection);
    }

    private String seal(String secret, String connection) {
        if (!secrets.available()) {
            throw new DestinationException(
                    Kind.UNAVAILABLE,
                    "This instance has no secret key (orderflow.fulfillment.destinations.secret-key), so it stores no"
                            + " connection with a secret; only authorization NONE is possible.");
        }
        return secrets.encrypt(secret, connection);
    }

    @Transactional
    public void deleteConnection(String name) {
        if (destinations.usesConnection(name)) {
            throw new DestinationException(
                    Kind.CONFLICT,
                    "Connection " + name + " is used by an API destination; delete or change that first.");
        }
        if (!connections.delete(name)) {
            throw new DestinationException(Kind.NOT_FOUND, "No connection named " + name + ".");
        }
    }

    /**
     * Creates or replaces an API destination.
     *
     * @return whether it was new
     */
    @Transactional
    public boolean putDestination(
            String name, String endpoint, String httpMethod, String connection, Integer ratePerSecond) {
        List<Problem> problems = new ArrayList<>();
        checkName(name, problems);
        URI uri = null;
        if (checkText("endpoint", endpoint, 2048, problems)) {
            try {
                uri = URI.create(endpoint);
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    problems.add(new Problem("endpoint", "must be an http or https URL with a host"));
                } else if (uri.getUserInfo() != null) {
                    problems.add(new Problem("endpoint", "must not carry credentials; use a connection"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("endpoint", "must be an http or https URL"));
            }
        }
        if (httpMethod == null || !METHODS.contains(httpMethod)) {
            problems.add(new Problem("httpMethod", "must be one of POST, PUT, PATCH, GET, DELETE"));
        }
        if (checkText("connection", connection, 64, problems)
                && connections.find(connection).isEmpty()) {
            problems.add(new Problem("connection", "names no connection"));
        }
        int rate = ratePerSecond == null ? ApiDestination.MAX_RATE : ratePerSecond;
        if (rate < 1 || rate > ApiDestination.MAX_RATE) {
            problems.add(
                    new Problem("invocationRateLimitPerSecond", "must be between 1 and " + ApiDestination.MAX_RATE));
        }
        if (!problems.isEmpty()) {
            throw DestinationException.invalid(problems);
        }
        boolean created = destinations.save(new ApiDestination(name, uri, httpMethod, connection, rate, null));
        rateLimiters.forget(name);
        return created;
    }

    @Transactional
    public void deleteDestination(String name) {
        if (!destinations.delete(name)) {
            throw new DestinationException(Kind.NOT_FOUND, "No API destination named " + name + ".");
        }
        rateLimiters.forget(name);
    }

    private static void checkName(String name, List<Problem> problems) {
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new Problem("name", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
    }

    /** Whether the text is present, short enough and free of control characters; adds a problem if not. */
    private static boolean checkText(String field, String text, int max, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(field, "is required"));
            return false;
        }
        if (text.length() > max) {
            problems.add(new Problem(field, "must be at most " + max + " characters"));
            return false;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(field, "must not contain control characters"));
            return false;
        }
        return true;
    }
}
