package dev.orderflow.platform.interaction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers the annotated bean or configuration only in the given interaction styles, e.g. an HTTP adapter with
 * {@code @ConditionalOnInteraction({Interaction.HTTP, Interaction.MIXED})} and its Kafka counterpart with
 * {@code @ConditionalOnInteraction(Interaction.EVENTS)}: the style picks the adapter, the domain has no {@code if}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnInteractionCondition.class)
public @interface ConditionalOnInteraction {

    /** The styles in which the bean exists. */
    Interaction[] value();
}
