package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.order.catalog.Product;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

    private static final Map<String, Product> CATALOG = Map.of(
            "pencil", new Product("pencil", "Pencil", new BigDecimal("1.25"), "USD"),
            "stapler", new Product("stapler", "Stapler", new BigDecimal("12.90"), "USD"),
            "calculator", new Product("calculator", "Calculator", new BigDecimal("24.99"), "USD"));

    @Test
    void pricesEachLineAtTheCatalogPriceAndTotalsExactlyToTheCent() {
        Order order = Order.price(request(line("pencil", 3), line("calculator", 7), line("stapler", 1)), CATALOG);

        assertThat(order.total()).isEqualTo(new BigDecimal("191.58"));
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.lines())
                .extracting(OrderLine::productCode, OrderLine::quantity, OrderLine::unitPrice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pencil", 3, new BigDecimal("1.25")),
                        org.assertj.core.groups.Tuple.tuple("calculator", 7, new BigDecimal("24.99")),
                        org.assertj.core.groups.Tuple.tuple("stapler", 1, new BigDecimal("12.90")));
    }

    @Test
    void theSameProductOnTwoLinesIsChargedForBoth() {
        Order order = Order.price(request(line("pencil", 1), line("pencil", 2)), CATALOG);

        assertThat(order.total()).isEqualTo(new BigDecimal("3.75"));
    }

    @Test
    void namesEveryLineWhoseProductIsUnknown() {
        assertThatThrownBy(
                        () -> Order.price(request(line("unicorn", 1), line("pencil", 1), line("dragon", 2)), CATALOG))
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.problems())
                        .extracting(InvalidOrderException.LineProblem::line)
                        .containsExactly(0, 2));
    }

    @Test
    void refusesToMixCurrencies() {
        Map<String, Product> mixed = Map.of(
                "pencil",
                CATALOG.get("pencil"),
                "croissant",
                new Product("croissant", "Croissant", BigDecimal.ONE, "EUR"));

        assertThatThrownBy(() -> Order.price(request(line("pencil", 1), line("croissant", 1)), mixed))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("one currency");
    }

    @Test
    void theEventCarriesWhatWasPriced() {
        Order order = Order.price(request(line("stapler", 2)), CATALOG);

        var created = order.created();

        assertThat(created.orderId()).isEqualTo(order.orderId());
        assertThat(created.total()).isEqualTo(new BigDecimal("25.80"));
        assertThat(created.items()).singleElement().satisfies(item -> {
            assertThat(item.productCode()).isEqualTo("stapler");
            assertThat(item.unitPrice()).isEqualTo(new BigDecimal("12.90"));
        });
    }

    @Test
    void theSameRequestHasTheSameFingerprintAndAnotherDoesNot() {
        assertThat(request(line("pencil", 1)).fingerprint())
                .isEqualTo(request(line("pencil", 1)).fingerprint());
        assertThat(request(line("pencil", 1)).fingerprint())
                .isNotEqualTo(request(line("pencil", 2)).fingerprint());
    }

    private static PlaceOrder request(PlaceOrder.Line... lines) {
        return new PlaceOrder("alice", "us-east", List.of(lines), null);
    }

    private static PlaceOrder.Line line(String product, int quantity) {
        return new PlaceOrder.Line(product, quantity);
    }
}
