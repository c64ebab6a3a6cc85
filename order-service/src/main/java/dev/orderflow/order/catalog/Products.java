package dev.orderflow.order.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog table, seeded by a migration. */
@Repository
public class Products {

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Product> findAll() {
        return jdbc.sql("select product_code, name, unit_price, currency from products order by product_code")
                .query(Product.class)
                .list();
    }

    /** The products with these codes, by code; unknown codes are absent. */
    public Map<String, Product> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select product_code, name, unit_price, currency from products where product_code in (:codes)")
                .param("codes", codes)
                .query(Product.class)
                .stream()
                .collect(Collectors.toMap(Product::productCode, Function.identity()));
    }
}
