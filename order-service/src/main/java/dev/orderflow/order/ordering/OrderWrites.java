package dev.orderflow.order.ordering;

import dev.orderflow.order.ordering.NewOrders.NewOrder;
import dev.orderflow.platform.work.GroupCommit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of new orders ({@code orderflow.order.group-commit}): the orders that concurrent {@code POST /orders}
 * place are written together, in one transaction and one round trip for their statements, by one thread
 * ({@link GroupCommit}); each request is answered once its order is committed. The number of orders per commit is
 * {@code orderflow.orders.commit.size}. Switched off, each request writes its order in a transaction of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderWrites.Settings.class)
class OrderWrites {

    /**
     * @param enabled whether concurrent orders share a commit
     * @param maxBatch the most orders one commit writes
     */
    @ConfigurationProperties("orderflow.order.group-commit")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("64") int maxBatch) {}

    @Bean
    @ConditionalOnBooleanProperty(name = "orderflow.order.group-commit.enabled", matchIfMissing = true)
    GroupCommit<NewOrder> newOrders(
            Orders orders, TransactionTemplate transactions, Settings settings, MeterRegistry meters) {
        DistributionSummary sizes = DistributionSummary.builder("orderflow.orders.commit.size")
                .description("New orders written per commit")
                .baseUnit("orders")
                .register(meters);
        return new GroupCommit<>(
                "order-writes",
                settings.maxBatch(),
                batch -> transactions.executeWithoutResult(status -> orders.insertAll(batch)),
                sizes::record);
    }
}
