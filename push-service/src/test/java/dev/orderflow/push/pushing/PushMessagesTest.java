package dev.orderflow.push.pushing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PushMessagesTest {

    private static final UUID ORDER = UUID.fromString("0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c");

    @Test
    void tellsTheOrderTheAmountAndTheNewBalanceOfAPayment() {
        OrderPaid paid = new OrderPaid(ORDER, "alice", new BigDecimal("7"), new BigDecimal("93.00"), "USD");

        assertThat(PushMessages.of(paid))
                .isEqualTo(
                        "Your order 0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c was paid: 7.00 USD. Your balance is 93.00 USD.");
    }

    @Test
    void tellsWhyAPaymentFailedInWords() {
        PaymentFailed failed =
                new PaymentFailed(ORDER, "alice", new BigDecimal("7.00"), PaymentFailed.INSUFFICIENT_FUNDS, "USD");

        assertThat(PushMessages.of(failed))
                .isEqualTo(
                        "Your order 0b6a2c1e-5f3d-4e7a-9c8b-1d2e3f4a5b6c could not be paid: insufficient funds (7.00 USD).");
    }

    @Test
    void showsAReasonItDoesNotKnowAsItCame() {
        PaymentFailed failed = new PaymentFailed(ORDER, "alice", new BigDecimal("7.00"), "CARD_EXPIRED", null);

        assertThat(PushMessages.of(failed)).endsWith("could not be paid: CARD_EXPIRED (7.00).");
    }
}
