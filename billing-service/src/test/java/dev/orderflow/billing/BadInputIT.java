package dev.orderflow.billing;

import static dev.orderflow.testsupport.BadInput.Kind.AMOUNT;
import static dev.orderflow.testsupport.BadInput.Kind.CUSTOMER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.BadInput;
import dev.orderflow.testsupport.BadInputTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.RawHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of generated bad accounts, deposits and payments are each refused with a 4xx problem, and not one of them
 * opens an account, requests a deposit or charges anything.
 */
@IntegrationTest
class BadInputIT extends BadInputTests {

    @Test
    void refusesEveryGeneratedBadRequestWithoutPersistingAnything() {
        RawHttp http = http();
        assertThat(http.send("POST", "/accounts", "{\"customerId\":\"" + customer + "\"}")
                        .status())
                .isEqualTo(201);
        BadInput openAccount = BadInput.endpoint("POST", "/accounts")
                .body("{\"customerId\":${customerId}}")
                .field("customerId", CUSTOMER_ID, "\"" + customer + "-2\"");
        BadInput deposit = BadInput.endpoint("POST", "/accounts/{customerId}/deposits")
                .path("customerId", CUSTOMER_ID, customer)
                .body("{\"amount\":${amount}}")
                .field("amount", AMOUNT, "100.00");
        BadInput pay = BadInput.endpoint("POST", "/payments")
                .body("{\"orderId\":${orderId},\"customerId\":${customerId},\"amount\":${amount}}")
                .field("orderId", BadInput.Kind.UUID, "\"" + UUID.randomUUID() + "\"")
                .field("customerId", CUSTOMER_ID, "\"" + customer + "\"")
                .field("amount", AMOUNT, "1.00");
        long before = footprint();

        int sent = BadInput.assertAllRefused(http, openAccount, deposit, pay);

        assertThat(sent).isGreaterThan(300);
        assertThat(footprint()).isEqualTo(before);
        // the same requests unbroken are accepted and show up in the footprint, so the check above could fail
        assertThat(openAccount.valid().sendWith(http).status()).isEqualTo(201);
        assertThat(deposit.valid().sendWith(http).status()).isEqualTo(202);
        assertThat(footprint()).isEqualTo(before + 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select balance > 0 from accounts where customer_id = ?")
                        .param(customer)
                        .query(Boolean.class)
                        .single());
        assertThat(pay.valid().sendWith(http).status()).isEqualTo(200);
        assertThat(footprint()).isEqualTo(before + 3);
    }

    /** Accounts, deposits and charges of this test's customers, or of any customer id no valid request could carry. */
    private long footprint() {
        String mine = "customer_id like ? or customer_id !~ '^[A-Za-z0-9._@-]{1,64}$'";
        return jdbc.sql("select (select count(*) from accounts where " + mine + ")"
                        + " + (select count(*) from deposits where " + mine + ")"
                        + " + (select count(*) from charges where " + mine + ")")
                .param(customer + "%")
                .param(customer + "%")
                .param(customer + "%")
                .query(Long.class)
                .single();
    }
}
