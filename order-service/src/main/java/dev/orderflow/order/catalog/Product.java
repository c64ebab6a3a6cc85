package dev.orderflow.order.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that can be ordered, at the price the catalog sets. The catalog is seeded by a migration and only read. */
@Entity
@Table(name = "products")
@Immutable
public class Product {

    @Id
    private String productCode;

    private String name;

    private BigDecimal unitPrice;

    @Column(length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    protected Product() {}

    public Product(String productCode, String name, BigDecimal unitPrice, String currency) {
        this.productCode = productCode;
        this.name = name;
        this.unitPrice = unitPrice;
        this.currency = currency;
    }

    public String productCode() {
        return productCode;
    }

    public String name() {
        return name;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public String currency() {
        return currency;
    }
}
