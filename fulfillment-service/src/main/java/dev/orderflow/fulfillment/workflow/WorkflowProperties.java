package dev.orderflow.fulfillment.workflow;

import dev.orderflow.platform.dispatch.RetrySettings;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the workflow engine and of {@code eu-fulfillment}, bound to {@code orderflow.fulfillment.workflow.*}.
 *
 * @param engine how the engine works through due executions, and how often a failing step is retried
 * @param carrierConfirmationDelay how long after a booking the simulated carrier confirms it
 * @param confirmationTimeout how long the workflow waits for the carrier's confirmation before it fails
 * @param expressAbove the order total above which the Choice picks the express carrier
 */
@ConfigurationProperties("orderflow.fulfillment.workflow")
public record WorkflowProperties(
        @DefaultValue RetrySettings engine,
        @DefaultValue("2s") Duration carrierConfirmationDelay,
        @DefaultValue("5m") Duration confirmationTimeout,
        @DefaultValue("100.00") BigDecimal expressAbove) {}
