package dev.orderflow.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChargeTest {

    private static final UUID ORDER = UUID.randomUUID();

    @Test
    void amountsAreExactWithTwoDecimals() {
        assertThat(Charge.of(ORDER, "alice", new BigDecimal("7")).amount()).isEqualTo(new BigDecimal("7.00"));
        assertThat(Charge.of(ORDER, "alice", new BigDecimal("7.5")).amount()).isEqualTo(new BigDecimal("7.50"));
        assertThat(Charge.of(ORDER, "alice", new BigDecimal("7.500")).amount()).isEqualTo(new BigDecimal("7.50"));
        assertThat(Charge.of(ORDER, "alice", BigDecimal.ZERO).amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void rejectsNegativeAndSubCentAmountsInsteadOfRoundingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Charge.of(ORDER, "alice", new BigDecimal("-0.01")))
                .withMessageContaining("must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Charge.of(ORDER, "alice", new BigDecimal("1.005")))
                .withMessageContaining("more than two decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> Charge.of(ORDER, " ", BigDecimal.ONE));
        assertThatIllegalArgumentException().isThrownBy(() -> Charge.of(null, "alice", BigDecimal.ONE));
    }

    @Test
    void aRetryIsTheSameChargeOnlyWithTheSameCustomerAmountAndCurrency() {
        Charge first = Charge.of(ORDER, "alice", new BigDecimal("10"));
        ChargeOutcome outcome =
                ChargeOutcome.paid(first, new BigDecimal("5.00")).asReplay();

        assertThat(outcome.answers(Charge.of(ORDER, "alice", new BigDecimal("10.00"))))
                .isTrue();
        assertThat(outcome.answers(Charge.of(ORDER, "alice", new BigDecimal("10.01"))))
                .isFalse();
        assertThat(outcome.answers(Charge.of(ORDER, "bob", new BigDecimal("10.00"))))
                .isFalse();
        assertThat(outcome.answers(new Charge(ORDER, "alice", new BigDecimal("10.00"), "EUR")))
                .isFalse();
    }

    @Test
    void chargesAnOrdersTotalInItsCurrency() {
        OrderCreated order = new OrderCreated(
                ORDER,
                "alice",
                "eu",
                List.of(new OrderCreated.Item("pen", 2, new BigDecimal("2.00"))),
                new BigDecimal("4.00"),
                "USD",
                Instant.now());

        assertThat(Charge.of(order)).isEqualTo(new Charge(ORDER, "alice", new BigDecimal("4.00"), "USD"));
    }

    @Test
    void aPaidOrderCarriesTheDetailsOfTheOrderThatWasCharged() {
        OrderCreated order = new OrderCreated(
                ORDER,
                "alice",
                "us-east",
                List.of(new OrderCreated.Item("pen", 2, new BigDecimal("2.00"))),
                new BigDecimal("4.00"),
                "USD",
                Instant.now());
        Charge charge = Charge.of(order);

        assertThat(ChargeOutcome.paid(charge, new BigDecimal("6.00")).event(OrderDetails.of(order)))
                .isEqualTo(new OrderPaid(
                        ORDER,
                        "alice",
                        new BigDecimal("4.00"),
                        new BigDecimal("6.00"),
                        "USD",
                        "us-east",
                        List.of(new OrderCreated.Item("pen", 2, new BigDecimal("2.00")))));
        assertThat(ChargeOutcome.failed(charge, PaymentFailed.INSUFFICIENT_FUNDS)
                        .event(OrderDetails.of(order)))
                .isEqualTo(new PaymentFailed(
                        ORDER, "alice", new BigDecimal("4.00"), PaymentFailed.INSUFFICIENT_FUNDS, "USD"));
    }

    @Test
    void theOutcomeBecomesTheEventOnThePaymentTopic() {
        Charge charge = Charge.of(ORDER, "alice", new BigDecimal("3.00"));

        assertThat(ChargeOutcome.paid(charge, new BigDecimal("1.00")).event())
                .isEqualTo(new OrderPaid(ORDER, "alice", new BigDecimal("3.00"), new BigDecimal("1.00"), "USD"));
        assertThat(ChargeOutcome.failed(charge, PaymentFailed.INSUFFICIENT_FUNDS)
                        .event())
                .isEqualTo(new PaymentFailed(
                        ORDER, "alice", new BigDecimal("3.00"), PaymentFailed.INSUFFICIENT_FUNDS, "USD"));
    }
}
