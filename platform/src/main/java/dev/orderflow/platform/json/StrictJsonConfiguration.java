package dev.orderflow.platform.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Makes the service's {@code JsonMapper} read request bodies strictly, so that what a client sends is taken as written
 * or refused with a {@code 400} naming the field, never changed on the way in:
 *
 * <ul>
 *   <li>no coercion between JSON types: a quantity of {@code 1.5}, {@code 1e2} or {@code "2"} is refused, not rounded
 *       or parsed; an amount must be a JSON number ({@code "100.00"} is refused); a string field refuses numbers and
 *       booleans; an enum refuses numbers. A decimal is read exactly ({@code BigDecimal}), so {@code 1e2} as an amount
 *       is exactly 100, and the amount's own constraint decides about its decimals;
 *   <li>text holds no control characters ({@link ControlCharacters}), whether sent raw or escaped as {@code \u0000},
 *       in a typed field or anywhere in a free-form {@code JsonNode};
 *   <li>a key given twice, or anything after the JSON value, is a malformed body.
 * </ul>
 *
 * Unknown properties stay ignored, so that a client or another service may send fields a newer version reads.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // raw control characters reach the string check below, which names the field and says why
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .withCoercionConfig(
                        LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config.setCoercion(
                                CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(
                                CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("orderflow-strict-text")
                        .addDeserializer(String.class, new CheckedStringDeserializer(false))
                        .addDeserializer(JsonNode.class, new CheckedTreeDeserializer()));
    }
}
