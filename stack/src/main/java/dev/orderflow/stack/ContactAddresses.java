package dev.orderflow.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A customer's e-mail address, as notification-service stores it ({@code PUT /customers/{customerId}/contact}): the
 * e-mails carry an address, not a customer id, and the service has no API that reads a contact back. Read-only and
 * only for the local stack's mail catcher.
 */
class ContactAddresses {

    static final String QUERY = "select email from notification.customer_contacts where customer_id = ?";

    private final String jdbcUrl;
    private final String username;
    private final String password;

    ContactAddresses(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Where the services' database is: the same environment variables and defaults as theirs. */
    static ContactAddresses fromEnvironment() {
        return new ContactAddresses(
                env("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5432/orderflow"),
                env("SPRING_DATASOURCE_USERNAME", "orderflow"),
                env("SPRING_DATASOURCE_PASSWORD", "orderflow"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The customer's address, or empty when the customer has none.
     *
     * @throws SQLException when the database cannot answer (not running, no such table)
     */
    Optional<String> of(String customerId) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", "2");
        credentials.setProperty("socketTimeout", "5");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
