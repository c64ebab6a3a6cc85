package dev.orderflow.billing.deposits.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DepositRequestTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aPositiveAmountWithAtMostTwoDecimalsIsValid() {
        for (String amount : List.of("0.01", "1", "10.5", "100.00", "99999999999999999.99")) {
            assertThat(invalid(amount)).as(amount).isFalse();
        }
    }

    @Test
    void zeroNegativeSubCentTooLargeAndMissingAmountsAreInvalid() {
        // "10.000" is written with three decimals: refused as written, like "10.001"
        for (String amount : List.of("0", "0.00", "-1.00", "0.001", "10.005", "10.000", "100000000000000000.00")) {
            assertThat(invalid(amount)).as(amount).isTrue();
        }
        assertThat(validator.validate(new DepositRequest(null))).isNotEmpty();
    }

    private static boolean invalid(String amount) {
        return !validator.validate(new DepositRequest(new BigDecimal(amount))).isEmpty();
    }
}
