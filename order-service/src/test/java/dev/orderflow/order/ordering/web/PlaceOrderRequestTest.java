package dev.orderflow.order.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PlaceOrderRequestTest {

    private static final jakarta.validation.ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aWellFormedRequestIsValid() {
        assertThat(invalidFields(new PlaceOrderRequest("alice", "us-east", List.of(item("pencil", 2)))))
                .isEmpty();
    }

    @Test
    void customerIdIsRequiredAndPlain() {
        assertThat(invalidFields(new PlaceOrderRequest(null, "eu", List.of(item("pen", 1)))))
                .containsExactly("customerId");
        assertThat(invalidFields(new PlaceOrderRequest("bob smith", "eu", List.of(item("pen", 1)))))
                .containsExactly("customerId");
        assertThat(invalidFields(new PlaceOrderRequest("x".repeat(65), "eu", List.of(item("pen", 1)))))
                .containsExactly("customerId");
    }

    @Test
    void anOrderHasAtLeastOneItemWithAPositiveQuantity() {
        assertThat(invalidFields(new PlaceOrderRequest("alice", "eu", List.of())))
                .containsExactly("items");
        assertThat(invalidFields(new PlaceOrderRequest("alice", "eu", null))).containsExactly("items");
        assertThat(invalidFields(new PlaceOrderRequest("alice", "eu", List.of(item("pen", 0)))))
                .containsExactly("items[0].quantity");
        assertThat(invalidFields(new PlaceOrderRequest("alice", "eu", List.of(item("pen", 1), item(" ", null)))))
                .containsExactlyInAnyOrder("items[1].productCode", "items[1].quantity");
    }

    @Test
    void locationIsRequired() {
        assertThat(invalidFields(new PlaceOrderRequest("alice", "", List.of(item("pen", 1)))))
                .containsExactly("location");
    }

    private static List<String> invalidFields(PlaceOrderRequest request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .distinct()
                .sorted()
                .toList();
    }

    private static PlaceOrderRequest.Item item(String product, Integer quantity) {
        return new PlaceOrderRequest.Item(product, quantity);
    }
}
