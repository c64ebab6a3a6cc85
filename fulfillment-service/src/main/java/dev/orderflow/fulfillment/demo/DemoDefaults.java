package dev.orderflow.fulfillment.demo;

import dev.orderflow.fulfillment.destinations.ApiDestination;
import dev.orderflow.fulfillment.destinations.ApiDestinations;
import dev.orderflow.fulfillment.destinations.Connection;
import dev.orderflow.fulfillment.destinations.Connections;
import dev.orderflow.fulfillment.destinations.SecretBox;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start that can, creates the stack's defaults: connection {@value #CONNECTION} (Basic, the demo
 * credentials) and API destination {@value #DESTINATION} (this service's own demo receiver). Once per database: a step
 * recorded in {@code setup_steps} with them, so that an operator who deletes or changes them keeps the change. Without
 * a secret key or demo password nothing is created, and it is tried again on the next start.
 */
@Component
class DemoDefaults implements ApplicationRunner {

    static final String CONNECTION = "demo-warehouse";
    static final String DESTINATION = "us-warehouse";
    private static final String STEP = "demo-defaults";
    private static final Logger log = LoggerFactory.getLogger(DemoDefaults.class);

    private final DemoProperties properties;
    private final SecretBox secrets;
    private final Connections connections;
    private final ApiDestinations destinations;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoDefaults(
            DemoProperties properties,
            SecretBox secrets,
            Connections connections,
            ApiDestinations destinations,
            JdbcClient jdbc,
            Environment environment) {
        this.environment = environment;
        this.properties = properties;
        this.secrets = secrets;
        this.connections = connections;
        this.destinations = destinations;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!secrets.available() || !properties.configured()) {
            log.warn(
                    "The demo warehouse defaults ({} connection, {} API destination) are not created: set"
                            + " orderflow.fulfillment.destinations.secret-key and orderflow.fulfillment.demo.password",
                    CONNECTION,
                    DESTINATION);
            return;
        }
        int first = jdbc.sql("insert into setup_steps (name) values (:name) on conflict (name) do nothing")
                .param("name", STEP)
                .update();
        if (first == 0) {
            return;
        }
        connections.insertIfAbsent(new Connection(
                CONNECTION,
                Connection.AuthorizationType.BASIC,
                properties.username(),
                secrets.encrypt(properties.password(), CONNECTION),
                null));
        String base = properties.receiverUrl().isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8085")
                : properties.receiverUrl().replaceAll("/+$", "");
        destinations.insertIfAbsent(new ApiDestination(
                DESTINATION,
                URI.create(base + "/demo/warehouses/" + DESTINATION + "/orders"),
                "POST",
                CONNECTION,
                ApiDestination.MAX_RATE,
                null));
        log.info("Created the demo warehouse defaults: connection {}, API destination {}", CONNECTION, DESTINATION);
    }
}
