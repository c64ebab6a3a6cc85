package dev.orderflow.order.ordering;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.order.catalog.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An order: what a customer asked for, at the catalog's prices, and how far its payment got. */
public record Order(
        UUID orderId,
        String customerId,
        String location,
        OrderStatus status,
        String failureReason,
        List<OrderLine> lines,
        BigDecimal total,
        String currency,
        Instant createdAt) {

    public Order {
        lines = List.copyOf(lines);
    }

    /**
     * Prices a request from the catalog: each line at the product's current price, the total exact to the cent.
     *
     * @throws InvalidOrderException naming each line whose product is not in the catalog, or when the products are
     *     priced in different currencies
     */
    public static Order price(PlaceOrder request, Map<String, Product> catalog) {
        List<InvalidOrderException.LineProblem> problems = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrder.Line line = request.lines().get(i);
            Product product = catalog.get(line.productCode());
            if (product == null) {
                problems.add(new InvalidOrderException.LineProblem(
                        i, "productCode", "unknown product '" + line.productCode() + "'"));
            } else {
                lines.add(new OrderLine(product.productCode(), product.name(), line.quantity(), product.unitPrice()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOrderException(problems);
        }
        List<String> currencies =
                catalog.values().stream().map(Product::currency).distinct().toList();
        if (currencies.size() > 1) {
            throw new InvalidOrderException(List.of(new InvalidOrderException.LineProblem(
                    -1, "items", "products are priced in " + currencies + "; an order is paid in one currency")));
        }
        BigDecimal total = lines.stream()
                .map(OrderLine::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        return new Order(
                UUID.randomUUID(),
                request.customerId(),
                request.location(),
                OrderStatus.PENDING,
                null,
                lines,
                total,
                currencies.getFirst(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The event that asks billing to charge this order. */
    public OrderCreated created() {
        return new OrderCreated(
                orderId,
                customerId,
                location,
                lines.stream()
                        .map(line -> new OrderCreated.Item(line.productCode(), line.quantity(), line.unitPrice()))
                        .toList(),
                total,
                currency,
                createdAt);
    }
}
