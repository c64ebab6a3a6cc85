package dev.orderflow.billing.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();
    private static final UUID ORDER = UUID.randomUUID();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aWellFormedRequestIsValidAndBecomesAChargeInDollars() {
        PaymentRequest request = new PaymentRequest(ORDER, "alice@example.com", new BigDecimal("12.5"));

        assertThat(invalidFields(request)).isEmpty();
        assertThat(request.toCharge().amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(request.toCharge().currency()).isEqualTo("USD");
    }

    @Test
    void everyFieldIsRequired() {
        assertThat(invalidFields(new PaymentRequest(null, null, null)))
                .containsExactly("amount", "customerId", "orderId");
    }

    @Test
    void customerIdsArePlainAndAmountsPositiveWithTwoDecimals() {
        assertThat(invalidFields(new PaymentRequest(ORDER, "bob smith", BigDecimal.ONE)))
                .containsExactly("customerId");
        assertThat(invalidFields(new PaymentRequest(ORDER, "x".repeat(65), BigDecimal.ONE)))
                .containsExactly("customerId");
        assertThat(invalidFields(new PaymentRequest(ORDER, "bob", BigDecimal.ZERO)))
                .containsExactly("amount");
        assertThat(invalidFields(new PaymentRequest(ORDER, "bob", new BigDecimal("0.015"))))
                .containsExactly("amount");
    }

    private static List<String> invalidFields(PaymentRequest request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .distinct()
                .sorted()
                .toList();
    }
}
