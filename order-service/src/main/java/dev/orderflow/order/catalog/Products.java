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
     * The products with these codes, with one array parameter: Hibernate translates a query with an {@code in (:codes)}
     * list again for every length of the list, and a native {@code select *} reads the result set's metadata and builds
     * its mapping again on every call; each of them made this lookup the largest cost of placing an order
     * (docs/performance.md, "Spring Data JPA, before and after"). {@code array_contains} is translated once; on
     * PostgreSQL it becomes {@code :codes @> array[product_code]}, which reads the whole table: right for a catalog of a
     * few rows, not for one of thousands (then a join with {@code unnest(:codes)}).
     */
    @Query("select p from Product p where array_contains(:codes, p.productCode)")
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
