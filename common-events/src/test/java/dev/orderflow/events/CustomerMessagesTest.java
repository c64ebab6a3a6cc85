package dev.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerMessagesTest {

    private static final UUID ORDER = UUID.fromString("0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c");

    @Test
    void tellsTheAmountAndTheNewBalanceOfADeposit() {
        DepositAccepted deposit =
                new DepositAccepted(UUID.randomUUID(), "alice", new BigDecimal("100"), new BigDecimal("100.00"), "USD");

        assertThat(CustomerMessages.of(deposit))
                .isEqualTo("Your deposit of 100.00 USD was accepted. Your balance is 100.00 USD.");
    }

    @Test
    void tellsTheOrderTheAmountAndTheNewBalanceOfAPayment() {
        OrderPaid paid = new OrderPaid(ORDER, "alice", new BigDecimal("7.00"), new BigDecimal("93.00"), "USD");

        assertThat(CustomerMessages.of(paid))
                .isEqualTo(
                        "Your order 0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c was paid: 7.00 USD. Your balance is 93.00 USD.");
    }

    @Test
    void tellsThatAnOrderWasDispatched() {
        OrderDispatched dispatched =
                new OrderDispatched(ORDER, "alice", "eu-west", "paid-orders-to-store", java.time.Instant.now());

        assertThat(CustomerMessages.of(dispatched))
                .isEqualTo("Your order 0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c has been dispatched.");
    }

    @Test
    void tellsWhyAPaymentFailedInWords() {
        PaymentFailed failed =
                new PaymentFailed(ORDER, "alice", new BigDecimal("7.00"), PaymentFailed.INSUFFICIENT_FUNDS, "USD");

        assertThat(CustomerMessages.of(failed))
                .isEqualTo(
                        "Your order 0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c could not be paid: insufficient funds (7.00 USD).");
    }

    @Test
    void tellsAMissingAccountInWords() {
        PaymentFailed failed =
                new PaymentFailed(ORDER, "alice", new BigDecimal("7.00"), PaymentFailed.ACCOUNT_NOT_FOUND, "USD");

        assertThat(CustomerMessages.of(failed)).contains("could not be paid: no account was found for you (7.00 USD).");
    }

    @Test
    void showsAReasonItDoesNotKnowAsItCame() {
        PaymentFailed failed = new PaymentFailed(ORDER, "alice", new BigDecimal("7.00"), "CARD_EXPIRED", "USD");

        assertThat(CustomerMessages.of(failed)).endsWith("could not be paid: CARD_EXPIRED (7.00 USD).");
    }

    @Test
    void leavesOutACurrencyTheEventDoesNotName() {
        OrderPaid paid = new OrderPaid(ORDER, "alice", new BigDecimal("7.5"), new BigDecimal("1E+2"), null);

        assertThat(CustomerMessages.of(paid)).endsWith("was paid: 7.50. Your balance is 100.00.");
    }
}
