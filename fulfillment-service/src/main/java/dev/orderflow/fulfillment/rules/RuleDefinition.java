package dev.orderflow.fulfillment.rules;

/**
 * A rule as a client defined it, checked: a valid event pattern and valid targets, each as normalised JSON text.
 *
 * @param eventPattern the pattern's JSON
 * @param targets the targets' JSON array
 */
public record RuleDefinition(String description, String eventPattern, RuleState state, String targets) {}
