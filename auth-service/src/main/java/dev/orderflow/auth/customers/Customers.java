package dev.orderflow.auth.customers;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The customers table, and the login's view of it: a customer logs in with the customer id and password. Passwords are
 * stored only as hashes ({@link PasswordEncoder}, bcrypt by default); a customer without one cannot log in.
 */
@Component
public class Customers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Customers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Registers a customer with a password; {@code false} if the id is taken. */
    public boolean register(String customerId, String password) {
        return jdbc.sql("insert into customers (customer_id, password_hash) values (:id, :hash) on conflict do nothing")
                        .param("id", customerId)
                        .param("hash", passwords.encode(password))
                        .update()
                == 1;
    }

    /** Makes sure the customer exists, without a password if new (the dev token route). */
    public void ensure(String customerId) {
        jdbc.sql("insert into customers (customer_id) values (:id) on conflict do nothing")
                .param("id", customerId)
                .update();
    }

    /** The stored hash of the customer's password, if the customer has one. */
    public Optional<String> passwordHash(String customerId) {
        return jdbc.sql("select password_hash from customers where customer_id = :id and password_hash is not null")
                .param("id", customerId)
                .query(String.class)
                .optional();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return passwordHash(username)
                .map(hash -> User.withUsername(username).password(hash).build())
                .orElseThrow(() -> new UsernameNotFoundException("no customer " + username + " with a password"));
    }
}
