package dev.orderflow.order.ordering;

import java.math.BigDecimal;

/** One line of an order, priced when the order was placed. */
public record OrderLine(String productCode, String name, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
