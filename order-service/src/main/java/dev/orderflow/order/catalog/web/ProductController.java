package dev.orderflow.order.catalog.web;

import dev.orderflow.order.catalog.Product;
import dev.orderflow.order.catalog.Products;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "catalog", description = "The products and their prices")
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /** A product as the API shows it. */
    @Schema(name = "Product")
    record ProductView(String productCode, String name, BigDecimal unitPrice, String currency) {

        static ProductView of(Product product) {
            return new ProductView(product.productCode(), product.name(), product.unitPrice(), product.currency());
        }
    }

    @GetMapping("/products")
    @Operation(summary = "The catalog, by product code")
    List<ProductView> products() {
        return products.findAllByOrderByProductCode().stream()
                .map(ProductView::of)
                .toList();
    }
}
