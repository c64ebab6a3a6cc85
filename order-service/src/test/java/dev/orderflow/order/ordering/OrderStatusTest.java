package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void aPendingOrderIsSettledOnceAndAFailedOneIsNeverDispatched() {
        assertThat(OrderStatus.PENDING.canMoveTo(OrderStatus.PAID)).isTrue();
        assertThat(OrderStatus.PENDING.canMoveTo(OrderStatus.PAYMENT_FAILED)).isTrue();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.DISPATCHED)).isTrue();
        // OrderDispatched can overtake OrderPaid: it proves the payment
        assertThat(OrderStatus.PENDING.canMoveTo(OrderStatus.DISPATCHED)).isTrue();

        assertThat(OrderStatus.DISPATCHED.canMoveTo(OrderStatus.PAID)).isFalse();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PAID)).isFalse();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PAYMENT_FAILED)).isFalse();
        assertThat(OrderStatus.PAYMENT_FAILED.canMoveTo(OrderStatus.PAID)).isFalse();
        assertThat(OrderStatus.PAYMENT_FAILED.canMoveTo(OrderStatus.DISPATCHED)).isFalse();
        assertThat(OrderStatus.DISPATCHED.canMoveTo(OrderStatus.PAID)).isFalse();
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canMoveTo(OrderStatus.PENDING)).as(status.name()).isFalse();
        }
    }
}
