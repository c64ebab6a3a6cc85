package dev.orderflow.order;

import static dev.orderflow.testsupport.BadInput.Kind.CUSTOMER_ID;
import static dev.orderflow.testsupport.BadInput.Kind.QUANTITY;
import static dev.orderflow.testsupport.BadInput.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.BadInput;
import dev.orderflow.testsupport.BadInputTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hundreds of generated bad orders are each refused with a 4xx problem, and not one of them leaves an order behind. */
@IntegrationTest
class BadInputIT extends BadInputTests {

    @Test
    void refusesEveryGeneratedBadOrderWithoutPersistingAnything() {
        BadInput placeOrder = BadInput.endpoint("POST", "/orders")
                .body("{\"customerId\":${customerId},\"location\":${location},"
                        + "\"items\":[{\"productCode\":${productCode},\"quantity\":${quantity}}]}")
                .field("customerId", CUSTOMER_ID, "\"" + customer + "\"")
                .field("location", TEXT, "\"us-east\"")
                .field("productCode", TEXT, "\"pencil\"")
                .field("quantity", QUANTITY, "2");
        RawHttp http = http();
        long before = footprint();

        int sent = BadInput.assertAllRefused(http, placeOrder.cases());

        assertThat(sent).isGreaterThan(200);
        assertThat(footprint()).isEqualTo(before);
        // the same request unbroken is accepted and shows up in the footprint, so the check above could fail
        assertThat(placeOrder.valid().sendWith(http).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> footprint() == before + 1);
    }

    /** Orders of this test's customer, or of any customer id no valid request could carry. */
    private long footprint() {
        return jdbc.sql("select count(*) from orders where customer_id = ? or customer_id !~ '^[A-Za-z0-9._@-]{1,64}$'")
                .param(customer)
                .query(Long.class)
                .single();
    }
}
