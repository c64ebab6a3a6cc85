package dev.orderflow.platform.interaction;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code orderflow.interaction} is one of the styles {@link ConditionalOnInteraction} names. */
class OnInteractionCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnInteraction.class.getName());
        Interaction[] styles = (Interaction[]) attributes.get("value");
        Interaction current = Interaction.of(context.getEnvironment());
        boolean matches = Arrays.asList(styles).contains(current);
        String message =
                "interaction style " + current + (matches ? " is" : " is not") + " one of " + Arrays.toString(styles);
        return matches ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
