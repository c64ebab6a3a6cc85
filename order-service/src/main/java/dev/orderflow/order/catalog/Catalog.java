package dev.orderflow.order.catalog;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The catalog as orders are priced from it: each product read from {@link Products} at most once per
 * {@code orderflow.order.catalog.cache-for}, so that placing an order costs no round trip to the catalog. The table is
 * seeded by migrations and only read; a price changed in the database reaches new orders within that time. Unknown
 * codes are not remembered: a product added to the table is found by the next order that names it.
 */
@Component
@EnableConfigurationProperties(Catalog.Settings.class)
public class Catalog {

    /**
     * @param cacheFor how long a product read from the table is used before it is read again
     */
    @ConfigurationProperties("orderflow.order.catalog")
    public record Settings(@DefaultValue("10s") Duration cacheFor) {}

    private final LoadingCache<String, Product> products;

    Catalog(Products products, Settings settings) {
        this.products = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheFor())
                .maximumSize(10_000)
                .build(new CacheLoader<>() {
                    @Override
                    public Product load(String code) {
                        return loadAll(Set.of(code)).get(code);
                    }

                    @Override
                    public Map<String, Product> loadAll(Set<? extends String> codes) {
                        return products.findByCodes(List.copyOf(codes));
                    }
                });
    }

    /** The products with these codes, by code; unknown codes are absent. */
    public Map<String, Product> findByCodes(Collection<String> codes) {
        return products.getAll(codes);
    }
}
