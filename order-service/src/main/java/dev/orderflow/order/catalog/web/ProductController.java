package dev.orderflow.order.catalog.web;

import dev.orderflow.order.catalog.Product;
import dev.orderflow.order.catalog.Products;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    @GetMapping("/products")
    List<Product> products() {
        return products.findAll();
    }
}
