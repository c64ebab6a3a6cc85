package dev.orderflow.order.catalog.web;

import dev.orderflow.order.catalog.Product;
import dev.orderflow.order.catalog.Products;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /** A product as the API shows it. */
    record ProductView(String productCode, String name, BigDecimal unitPrice, String currency) {

        static ProductView of(Product product) {
            return new ProductView(product.productCode(), product.name(), product.unitPrice(), product.currency());
        }
    }

    @GetMapping("/products")
    List<ProductView> products() {
        return products.findAllByOrderByProductCode().stream()
                .map(ProductView::of)
                .toList();
    }
}
