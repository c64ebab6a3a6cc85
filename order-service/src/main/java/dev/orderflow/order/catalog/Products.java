package dev.orderflow.order.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.repository.Repository;

/** The catalog, seeded by a migration and only read. */
public interface Products extends Repository<Product, String> {

    List<Product> findAllByOrderByProductCode();

    List<Product> findByProductCodeIn(Collection<String> codes);

    /** The products with these codes, by code; unknown codes are absent. */
    default Map<String, Product> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return findByProductCodeIn(codes).stream().collect(Collectors.toMap(Product::productCode, Function.identity()));
    }
}
