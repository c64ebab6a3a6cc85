package dev.orderflow.fulfillment.targets.log;

import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code log} target, {@code {"logGroup": "/orderflow/events/orders"}}: stores each delivered event in its log
 * group (once per delivery) and writes it as one JSON line to the service log, logger {@code orderflow.events}.
 */
@Component
class LogTarget implements TargetInvoker {

    /** CloudWatch Logs' log group names: 1–512 of these characters. */
    static final Pattern LOG_GROUP = Pattern.compile("[\\.\\-_/#A-Za-z0-9]{1,512}");

    private static final Logger events = LoggerFactory.getLogger("orderflow.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LogEntries entries;

    LogTarget(LogEntries entries) {
        this.entries = entries;
    }

    @Override
    public String type() {
        return "log";
    }

    @Override
    public List<String> check(Target target) {
        String group = target.setting("logGroup");
        return group != null && LOG_GROUP.matcher(group).matches()
                ? List.of()
                : List.of("logGroup must be 1 to 512 of the characters . - _ / # A-Z a-z 0-9");
    }

    /** The delivered input as JSON, or as a string when a template made it something else. */
    static JsonNode message(String input) {
        try {
            return JSON.readTree(input);
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.stringNode(input);
        }
    }

    @Override
    public void deliver(Delivery delivery) {
        String group = delivery.target().setting("logGroup");
        if (entries.append(group, delivery.id(), delivery.eventId(), delivery.ruleName(), delivery.input()) == 1) {
            ObjectNode line = JSON.createObjectNode();
            line.put("logGroup", group);
            line.put("rule", delivery.ruleName());
            line.put("eventId", delivery.eventId());
            line.set("message", message(delivery.input()));
            events.info(JSON.writeValueAsString(line));
        }
    }
}
