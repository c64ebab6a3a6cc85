package dev.orderflow.fulfillment.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rule: an event pattern and the targets that events matching it go to. The pattern and the targets are kept as
 * the JSON they were checked as ({@link RuleDefinition}), in {@code jsonb} columns.
 */
@Entity
@Table(name = "rules")
public class Rule {

    @Id
    private String name;

    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_pattern")
    private String eventPattern;

    @Enumerated(EnumType.STRING)
    private RuleState state;

    @JdbcTypeCode(SqlTypes.JSON)
    private String targets;

    @Version
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Rule() {}

    Rule(String name) {
        this.name = name;
    }

    /** Takes the definition's description, pattern, state and targets. */
    void define(RuleDefinition definition, Instant now) {
        this.description = definition.description();
        this.eventPattern = definition.eventPattern();
        this.state = definition.state();
        this.targets = definition.targets();
        this.updatedAt = now;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The event pattern, EventBridge's JSON. */
    public String eventPattern() {
        return eventPattern;
    }

    public RuleState state() {
        return state;
    }

    /** The targets, a JSON array. */
    public String targets() {
        return targets;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
