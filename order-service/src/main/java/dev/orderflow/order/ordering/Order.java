package dev.orderflow.order.ordering;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.order.catalog.Product;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An order: what a customer asked for, at the catalog's prices, and how far it got. Its lines are values of the order,
 * written with it and read with it (one query, see {@link Orders}).
 *
 * <p>Its status moves only as {@link OrderStatus} allows, and only through {@link Orders#move}: one guarded statement
 * whose {@code where} clause checks that rule atomically, without reading the order first. Its rows are written
 * once, when the order is placed, by one statement ({@link NewOrders}); JPA only reads them.
 */
@Entity
@Table(name = "orders")
@Immutable
public class Order {

    @Id
    private UUID orderId;

    private String customerId;

    private String location;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String failureReason;

    @ElementCollection
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    private BigDecimal total;

    @Column(length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    private Instant createdAt;

    private String idempotencyKey;

    /** The fingerprint of the request that placed the order, to recognise a key reused for another request. */
    @Column(name = "request_hash")
    private String requestFingerprint;

    protected Order() {}

    private Order(PlaceOrder request, List<OrderLine> lines, BigDecimal total, String currency) {
        this.orderId = UUID.randomUUID();
        this.customerId = request.customerId();
        this.location = request.location();
        this.status = OrderStatus.PENDING;
        this.lines = new ArrayList<>(lines);
        this.total = total;
        this.currency = currency;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.idempotencyKey = request.idempotencyKey();
        this.requestFingerprint = request.fingerprint();
    }

    /**
     * Prices a request from the catalog: each line at the product's current price, the total exact to the cent.
     *
     * @throws InvalidOrderException naming each line whose product is not in the catalog, or when the products are
     *     priced in different currencies
     */
    public static Order price(PlaceOrder request, Map<String, Product> catalog) {
        List<InvalidOrderException.LineProblem> problems = unknownProducts(
                request.lines().stream().map(PlaceOrder.Line::productCode).toList(), catalog);
        if (!problems.isEmpty()) {
            throw new InvalidOrderException(problems);
        }
        List<OrderLine> lines = new ArrayList<>();
        for (PlaceOrder.Line line : request.lines()) {
            Product product = catalog.get(line.productCode());
            lines.add(new OrderLine(product, line.quantity(), product.unitPrice()));
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
        return new Order(request, lines, total, currencies.getFirst());
    }

    /**
     * The lines whose product the catalog does not have.
     *
     * @param productCodes the product of each line, in line order; a {@code null} code is not looked at
     */
    static List<InvalidOrderException.LineProblem> unknownProducts(
            List<String> productCodes, Map<String, Product> catalog) {
        List<InvalidOrderException.LineProblem> problems = new ArrayList<>();
        for (int i = 0; i < productCodes.size(); i++) {
            String code = productCodes.get(i);
            if (code != null && !catalog.containsKey(code)) {
                problems.add(new InvalidOrderException.LineProblem(i, "productCode", "unknown product '" + code + "'"));
            }
        }
        return problems;
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

    public UUID orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String location() {
        return location;
    }

    public OrderStatus status() {
        return status;
    }

    public String failureReason() {
        return failureReason;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String requestFingerprint() {
        return requestFingerprint;
    }
}
