package dev.orderflow.order.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The catalog, seeded by a migration and only read. */
public interface Products extends Repository<Product, String> {

    List<Product> findAllByOrderByProductCode();

    /**
     * The products with these codes. Native, with one array parameter: Hibernate translates a query with an
     * {@code in (:codes)} list again for every call (its SQL depends on the list's length), which made this lookup the
     * largest cost of placing an order (docs/performance.md, "Spring Data JPA, before and after").
     */
    @Query(nativeQuery = true, value = "select * from products where product_code = any(cast(:codes as varchar[]))")
    List<Product> findByProductCodes(@Param("codes") String[] codes);

    /** The products with these codes, by code; unknown codes are absent. */
    default Map<String, Product> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return findByProductCodes(codes.toArray(String[]::new)).stream()
                .collect(Collectors.toMap(Product::productCode, Function.identity()));
    }
}
