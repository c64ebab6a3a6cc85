package dev.orderflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order was placed and priced; billing-service should charge its total. */
public record OrderCreated(
        UUID orderId,
        String customerId,
        @Nullable String location,
        List<Item> items,
        BigDecimal total,
        String currency,
        @Nullable Instant createdAt)
        implements BillingEvent {

    public OrderCreated {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** One line of the order, at the price the catalog had when the order was placed. */
    public record Item(String productCode, int quantity, BigDecimal unitPrice) {

        public Item {
            Objects.requireNonNull(productCode, "productCode");
            Objects.requireNonNull(unitPrice, "unitPrice");
        }
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
