package dev.orderflow.order.ordering;

import dev.orderflow.order.catalog.Product;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** One line of an order, priced when the order was placed: a value of its order, stored in {@code order_items}. */
@Embeddable
public class OrderLine {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_code")
    private Product product;

    private int quantity;

    private BigDecimal unitPrice;

    protected OrderLine() {}

    OrderLine(Product product, int quantity, BigDecimal unitPrice) {
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String productCode() {
        return product.productCode();
    }

    public String name() {
        return product.name();
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
