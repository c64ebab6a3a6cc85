package dev.orderflow.order.catalog;

import java.math.BigDecimal;

/** Something that can be ordered, at the price the catalog sets. */
public record Product(String productCode, String name, BigDecimal unitPrice, String currency) {}
