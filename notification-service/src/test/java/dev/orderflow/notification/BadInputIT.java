package dev.orderflow.notification;

import static dev.orderflow.testsupport.BadInput.Kind.CUSTOMER_ID;
import static dev.orderflow.testsupport.BadInput.Kind.EMAIL;
import static dev.orderflow.testsupport.BadInput.Kind.FREE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.BadInput;
import dev.orderflow.testsupport.BadInputTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/** Hundreds of generated bad notifications and contacts are each refused with a 4xx problem, none of them stored. */
@IntegrationTest
class BadInputIT extends BadInputTests {

    @Test
    void refusesEveryGeneratedBadRequestWithoutPersistingAnything() {
        RawHttp http = http();
        BadInput notify = BadInput.endpoint("POST", "/notifications")
                .body("{\"customerId\":${customerId},\"message\":${message}}")
                .field("customerId", CUSTOMER_ID, "\"" + customer + "\"")
                .field("message", FREE_TEXT, "\"Your parcel\\nis on its way.\\tThanks!\"");
        BadInput contact = BadInput.endpoint("PUT", "/customers/{customerId}/contact")
                .path("customerId", CUSTOMER_ID, customer)
                .body("{\"email\":${email}}")
                .field("email", EMAIL, "\"" + customer + "@example.com\"");
        long before = footprint();

        int sent = BadInput.assertAllRefused(http, notify, contact);

        assertThat(sent).isGreaterThan(250);
        assertThat(footprint()).isEqualTo(before);
        // the same requests unbroken (lines and a tab in the message included) are accepted and stored
        assertThat(contact.valid().sendWith(http).status()).isEqualTo(204);
        assertThat(notify.valid().sendWith(http).status()).isEqualTo(201);
        assertThat(footprint()).isEqualTo(before + 2);
    }

    /** Notifications and contacts of this test's customer, or of any customer id no valid request could carry. */
    private long footprint() {
        String mine = "customer_id = ? or customer_id !~ '^[A-Za-z0-9._@-]{1,64}$'";
        return jdbc.sql("select (select count(*) from notifications where " + mine + ")"
                        + " + (select count(*) from customer_contacts where " + mine + ")")
                .param(customer)
                .param(customer)
                .query(Long.class)
                .single();
    }
}
