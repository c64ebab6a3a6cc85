package dev.orderflow.billing.accounts;

/** A customer without an account. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(String customerId) {
        super("No account for customer '" + customerId + "'");
    }
}
