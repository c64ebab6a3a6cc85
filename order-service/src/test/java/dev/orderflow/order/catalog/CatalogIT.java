package dev.orderflow.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CatalogIT {

    @Autowired
    Products products;

    @Autowired
    JdbcClient jdbc;

    private final String code = "catalog-it-" + UUID.randomUUID();

    @AfterEach
    void removeProduct() {
        jdbc.sql("delete from products where product_code = ?").param(code).update();
    }

    @Test
    void aProductAddedToTheTableIsFoundByTheNextLookUpThatNamesIt() {
        Catalog catalog = new Catalog(products, new Catalog.Settings(Duration.ofMinutes(5)));
        assertThat(catalog.findByCodes(List.of(code, "pen"))).containsOnlyKeys("pen");

        addProduct("3.10");

        assertThat(catalog.findByCodes(List.of(code, "pen"))).containsOnlyKeys(code, "pen");
    }

    @Test
    void aChangedPriceIsUsedOnceTheRememberedProductExpires() {
        addProduct("3.10");
        Catalog catalog = new Catalog(products, new Catalog.Settings(Duration.ofSeconds(10)));
        assertThat(price(catalog)).isEqualTo("3.10");

        jdbc.sql("update products set unit_price = 3.20 where product_code = ?")
                .param(code)
                .update();

        assertThat(price(catalog)).isEqualTo("3.10");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(price(catalog)).isEqualTo("3.20"));
    }

    private void addProduct(String price) {
        jdbc.sql("insert into products (product_code, name, unit_price, currency) values (?, 'Test', ?, 'USD')")
                .params(code, new java.math.BigDecimal(price))
                .update();
    }

    private String price(Catalog catalog) {
        return catalog.findByCodes(List.of(code)).get(code).unitPrice().toPlainString();
    }
}
