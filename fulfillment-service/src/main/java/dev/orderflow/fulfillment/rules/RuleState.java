package dev.orderflow.fulfillment.rules;

/** Whether a rule matches events. */
public enum RuleState {
    ENABLED,
    DISABLED
}
