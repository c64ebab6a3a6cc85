package dev.orderflow.order.ordering;

import java.util.UUID;

public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(UUID orderId) {
        super("No order " + orderId);
    }
}
