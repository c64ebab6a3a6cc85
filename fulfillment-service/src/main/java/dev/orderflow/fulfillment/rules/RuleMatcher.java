package dev.orderflow.fulfillment.rules;

import dev.orderflow.fulfillment.FulfillmentProperties;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.platform.work.BackgroundWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.event.ruler.GenericMachine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enabled rules compiled into one event-ruler machine, per instance. Each instance polls the rules' change counter
 * (a trigger moves it in every transaction that changes a rule) every {@code rules-refresh-interval} and recompiles
 * when it moved, so a rule change reaches every instance within about that interval, without a restart; the instance
 * that makes the change recompiles before it answers ({@link #refreshAfterCommit}), so that there the change applies to
 * every event matched after the answer. Matching reads an immutable snapshot, so it never waits for a recompilation.
 */
@Component
public class RuleMatcher extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(RuleMatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An enabled rule as it was compiled: its name and targets. */
    public record MatchedRule(String name, List<Target> targets) {}

    private record Snapshot(long counter, GenericMachine<String> machine, Map<String, MatchedRule> rules) {}

    private final Rules rules;
    private final TransactionTemplate transactions;
    private volatile Snapshot snapshot;

    RuleMatcher(Rules rules, PlatformTransactionManager transactions, FulfillmentProperties properties) {
        super("rule-matcher", properties.rulesRefreshInterval(), Duration.ofSeconds(1));
        this.rules = rules;
        // a read-only template of its own: Boot's shared TransactionTemplate is read-write and must stay so
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setReadOnly(true);
        // a transaction of its own also when called as the transaction that changed a rule completes
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The enabled rules whose pattern the event matches, in name order.
     *
     * @param event the event's envelope as JSON
     */
    public List<MatchedRule> match(String event) {
        Snapshot current = current();
        List<String> names;
        try {
            names = current.machine().rulesForJSONEvent(event);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot match event: " + e.getMessage(), e);
        }
        return names.stream().distinct().sorted().map(current.rules()::get).toList();
    }

    /** How many enabled rules the current snapshot holds. */
    public int size() {
        return current().rules().size();
    }

    @Override
    protected void work() {
        refresh();
    }

    /** Recompiles when a rule changed since the last compilation; whether it did. */
    public boolean refresh() {
        Snapshot current = snapshot;
        Long counter = transactions.execute(status -> rules.changeCounter());
        if (current != null && counter != null && counter == current.counter()) {
            return false;
        }
        Snapshot compiled = transactions.execute(status -> compile());
        synchronized (this) {
            if (snapshot == null || compiled.counter() >= snapshot.counter()) {
                snapshot = compiled;
            }
        }
        return true;
    }

    /**
     * Recompiles once the caller's transaction, which changed a rule, has committed, on the committing thread: the
     * caller returns after this instance matches with the change. A failure is logged, not thrown (the change is
     * committed); the next poll recompiles.
     */
    public void refreshAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refreshOrLog();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refreshOrLog();
            }
        });
    }

    private void refreshOrLog() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Rules not recompiled after a change, the next poll will: {}", e.toString());
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            refresh();
            current = snapshot;
        }
        return current;
    }

    /** Reads the counter first: a change committed after it moves it again, and the next poll recompiles. */
    private Snapshot compile() {
        long counter = rules.changeCounter();
        GenericMachine<String> machine = GenericMachine.<String>builder().build();
        Map<String, MatchedRule> enabled = new HashMap<>();
        for (Rule rule : rules.findAllByOrderByName()) {
            if (rule.state() != RuleState.ENABLED) {
                continue;
            }
            try {
                machine.addRule(rule.name(), rule.eventPattern());
                List<Target> targets = new ArrayList<>();
                for (JsonNode target : JSON.readTree(rule.targets())) {
                    targets.add(Target.of(target));
                }
                enabled.put(rule.name(), new MatchedRule(rule.name(), List.copyOf(targets)));
            } catch (Exception | StackOverflowError e) {
                // checked when it was stored; one that fails now (e.g. written by hand) must not stop the others
                log.error("Rule {} cannot be compiled and does not match anything: {}", rule.name(), e.toString());
            }
        }
        return new Snapshot(counter, machine, Map.copyOf(enabled));
    }
}
