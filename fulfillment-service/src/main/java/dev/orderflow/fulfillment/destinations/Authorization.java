package dev.orderflow.fulfillment.destinations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A connection's authorization with its secret in the clear: only ever in memory, between decrypting it and adding
 * its header to a request. Its {@link #toString()} hides the secret.
 */
public sealed interface Authorization {

    /** The header to send, or {@code null} for none. */
    Header header();

    record Header(String name, String value) {
        @Override
        public String toString() {
            return "Header[" + name + "=******]";
        }
    }

    record Basic(String username, String password) implements Authorization {
        @Override
        public Header header() {
            return new Header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=******]";
        }
    }

    record ApiKey(String name, String value) implements Authorization {
        @Override
        public Header header() {
            return new Header(name, value);
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", value=******]";
        }
    }

    record None() implements Authorization {
        @Override
        public Header header() {
            return null;
        }
    }
}
