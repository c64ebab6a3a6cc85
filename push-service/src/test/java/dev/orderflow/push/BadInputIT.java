package dev.orderflow.push;

import static dev.orderflow.testsupport.BadInput.Kind.CUSTOMER_ID;
import static dev.orderflow.testsupport.BadInput.Kind.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.BadInput;
import dev.orderflow.testsupport.BadInputTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Generated bad push-token registrations and removals are each refused with a 4xx problem: none registers a token, and
 * none removes one.
 */
@IntegrationTest
class BadInputIT extends BadInputTests {

    @Test
    void refusesEveryGeneratedBadRequestWithoutRegisteringOrRemovingATokenBecauseOfIt() {
        RawHttp http = http();
        String token = "device:" + customer;
        assertThat(http.send("PUT", "/customers/" + customer + "/push-tokens/" + token, null)
                        .status())
                .isEqualTo(204);
        BadInput register = BadInput.endpoint("PUT", "/customers/{customerId}/push-tokens/{token}")
                .path("customerId", CUSTOMER_ID, customer)
                .path("token", TOKEN, token + "-2");
        BadInput remove = BadInput.endpoint("DELETE", "/customers/{customerId}/push-tokens/{token}")
                .path("customerId", CUSTOMER_ID, customer)
                .path("token", TOKEN, token);
        long before = footprint();

        int sent = BadInput.assertAllRefused(http, register, remove);

        assertThat(sent).isGreaterThan(150);
        assertThat(footprint()).isEqualTo(before);
        // the same requests unbroken register one token and remove the other, so the check above could fail
        assertThat(register.valid().sendWith(http).status()).isEqualTo(204);
        assertThat(footprint()).isEqualTo(before + 1);
        assertThat(remove.valid().sendWith(http).status()).isEqualTo(204);
        assertThat(footprint()).isEqualTo(before);
    }

    /** Tokens of this test's customer, or of any customer id no valid request could carry. */
    private long footprint() {
        return jdbc.sql(
                        "select count(*) from push_tokens where customer_id = ? or customer_id !~ '^[A-Za-z0-9._@-]{1,64}$'")
                .param(customer)
                .query(Long.class)
                .single();
    }
}
