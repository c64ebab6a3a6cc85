package dev.orderflow.testsupport;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every service's {@code BadInputIT} starts from: a customer of its own, the running service to send the
 * {@link BadInput} cases to, and its database, to show that what was refused left nothing behind. A service's test (an
 * {@link IntegrationTest}) names its endpoints and the tables that must not change.
 */
public abstract class BadInputTests {

    /** A customer no other test uses, the valid value the generated cases vary. */
    protected final String customer =
            "bad-input-" + UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** A client that sends requests exactly as written, broken ones included. */
    protected RawHttp http() {
        return new RawHttp(port);
    }
}
