package dev.orderflow.fulfillment.rules;

public class RuleNotFoundException extends RuntimeException {

    public RuleNotFoundException(String name) {
        super("No rule " + name);
    }
}
