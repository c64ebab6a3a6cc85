package dev.orderflow.events.asyncapi;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.Event;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.events.Topics;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of orderflow's topics, {@value #FILE}, generated from {@code common-events}: a channel per
 * topic and dead-letter topic ({@link Topics}), a message per event record of the topic's sealed interface with the
 * CloudEvents Kafka headers ({@link CloudEventHeaders}) and the record's JSON Schema ({@link RecordSchemas}), and the
 * operations: which service publishes and which consumes what. Only the sentences and the table of services are
 * written here; everything else follows the code, so that the document cannot drift from it.
 */
final class AsyncApiDocument {

    /** The checked-in document, relative to the repository root. */
    static final String FILE = "docs/asyncapi/orderflow.json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String KAFKA_BINDING = "0.5.0";
    private static final String MESSAGES = "#/components/messages/";
    private static final String DEAD_LETTER = "DeadLetter";
    private static final String GIVEN_UP = "GivenUpDelivery";

    /** What each event means, one sentence each (the records' Javadoc, shortened); a new event needs one. */
    private static final Map<Class<? extends Event>, String> MEANING = Map.of(
            OrderCreated.class, "An order was placed and priced; billing-service charges its total.",
            DepositRequested.class, "A customer asked to add money to their account; billing-service applies it once.",
            OrderPaid.class,
                    "An order's total was charged; balance is the account's balance after the charge. location and"
                            + " items are the order's (optional, absent in older events and in payments made through"
                            + " POST /payments without them).",
            PaymentFailed.class,
                    "An order could not be charged; reason says why (INSUFFICIENT_FUNDS, ACCOUNT_NOT_FOUND).",
            DepositAccepted.class, "A deposit was applied; balance is the account's balance after it.",
            OrderDispatched.class,
                    "A paid order was stored for dispatch by fulfillment-service's store-and-dispatch target.",
            CustomEvent.class,
                    "An event a client put on the bus through fulfillment-service's POST /events (EventBridge's"
                            + " PutEvents); keyed by its event id, as it concerns no customer.");

    /** Who publishes to and who consumes each topic; consumers also dead-letter what they cannot process. */
    private record Role(
            String service, String action, String topic, List<Class<? extends Event>> messages, String why) {}

    private static final List<Role> ROLES = List.of(
            new Role(
                    "order-service",
                    "send",
                    BillingEvent.TOPIC,
                    List.of(OrderCreated.class),
                    "Publishes each placed order, through its transactional outbox."),
            new Role(
                    "billing-service",
                    "send",
                    BillingEvent.TOPIC,
                    List.of(DepositRequested.class),
                    "Publishes each requested deposit (POST /accounts/{customerId}/deposits), through its outbox."),
            new Role(
                    "billing-service",
                    "receive",
                    BillingEvent.TOPIC,
                    List.of(),
                    "Charges orders and applies deposits, each once per event."),
            new Role(
                    "billing-service",
                    "send",
                    PaymentEvent.TOPIC,
                    List.of(),
                    "Publishes the outcome of each charge and deposit, through its outbox."),
            new Role("order-service", "receive", PaymentEvent.TOPIC, List.of(), "Marks orders PAID or PAYMENT_FAILED."),
            new Role(
                    "notification-service",
                    "receive",
                    PaymentEvent.TOPIC,
                    List.of(),
                    "Stores (and e-mails) one notification per event."),
            new Role(
                    "push-service",
                    "receive",
                    PaymentEvent.TOPIC,
                    List.of(),
                    "Pushes OrderPaid and PaymentFailed to each device token of the customer."),
            new Role(
                    "fulfillment-service",
                    "send",
                    FulfillmentEvent.TOPIC,
                    List.of(),
                    "Publishes OrderDispatched (store-and-dispatch target, once per order) and the custom events of"
                            + " POST /events."),
            new Role("order-service", "receive", FulfillmentEvent.TOPIC, List.of(), "Marks orders DISPATCHED."),
            new Role(
                    "notification-service",
                    "receive",
                    FulfillmentEvent.TOPIC,
                    List.of(),
                    "Stores (and e-mails) a notification per OrderDispatched."),
            new Role(
                    "push-service",
                    "receive",
                    FulfillmentEvent.TOPIC,
                    List.of(),
                    "Pushes each OrderDispatched to the customer's devices."),
            new Role(
                    "fulfillment-service",
                    "receive",
                    BillingEvent.TOPIC,
                    List.of(),
                    "Sees every event as an EventBridge event and delivers it to the targets of the rules it matches."),
            new Role(
                    "fulfillment-service",
                    "receive",
                    PaymentEvent.TOPIC,
                    List.of(),
                    "Sees every event as an EventBridge event and delivers it to the targets of the rules it matches."),
            new Role(
                    "fulfillment-service",
                    "receive",
                    FulfillmentEvent.TOPIC,
                    List.of(),
                    "Sees every event as an EventBridge event and delivers it to the targets of the rules it matches."));

    private AsyncApiDocument() {}

    /** The document as it is written to {@value #FILE}: pretty-printed, with a final newline. */
    static String text() {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(build()) + "\n";
    }

    /** Where the checked-in document is, from a working directory inside the repository. */
    static Path file() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("mvnw").toFile().isFile()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "not inside the orderflow repository: " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(FILE);
    }

    static ObjectNode build() {
        RecordSchemas schemas = new RecordSchemas("#/components/schemas/");
        ObjectNode document = JSON.objectNode().put("asyncapi", "3.0.0");
        document.putObject("info")
                .put("title", "orderflow events")
                .put("version", "v1")
                .put(
                        "description",
                        "The Kafka topics of orderflow and the events on them, generated from common-events"
                                + " (AsyncApiDocumentTest; -Dasyncapi.write=true rewrites this file). Each record"
                                + " follows the CloudEvents Kafka protocol binding in binary mode: the context"
                                + " attributes are ce_* headers, the value is the event's JSON, the key the customerId"
                                + " (so that one customer's events stay in order), else the event id. An added"
                                + " optional field keeps an event's version (.v1); a renamed, removed or retyped one"
                                + " is a new version. Consumers are idempotent per ce_id and dead-letter a record"
                                + " they cannot process, after bounded retries, to <topic>-dlt.");
        document.put("defaultContentType", CloudEventHeaders.APPLICATION_JSON);
        document.putObject("servers")
                .putObject("local")
                .put("host", "localhost:9092")
                .put("protocol", "kafka")
                .put(
                        "description",
                        "The broker of bin/stack up (Apache Kafka in KRaft mode). Every client logs in with"
                                + " SASL/SCRAM as its own principal, and ACLs limit it to its topics and group.")
                .putArray("security")
                .addObject()
                .put("$ref", "#/components/securitySchemes/scram");

        ObjectNode channels = document.putObject("channels");
        ObjectNode messages = JSON.objectNode();
        for (Class<?> topicType : Event.class.getPermittedSubclasses()) {
            String topic = topicOf(topicType);
            ObjectNode channel = channel(channels, topic, "The " + topic + " topic. " + meaningOf(topicType));
            ObjectNode deadLetters = channel(
                    channels,
                    Topics.deadLetter(topic),
                    "Records of " + topic + " that a consumer could not process (unreadable, an unknown ce_type, or"
                            + " failing after bounded retries), unchanged, with the error in their headers; the"
                            + " consumer goes on. fulfillment-service lists and redrives them (GET /dead-letters).");
            for (Class<? extends Event> event : events(topicType)) {
                String name = event.getSimpleName();
                messages.set(name, message(event, schemas, false));
                messages.set(name + DEAD_LETTER, message(event, schemas, true));
                channel.withObjectProperty("messages").putObject(name).put("$ref", MESSAGES + name);
                deadLetters
                        .withObjectProperty("messages")
                        .putObject(name + DEAD_LETTER)
                        .put("$ref", MESSAGES + name + DEAD_LETTER);
            }
            if (topic.equals(FulfillmentEvent.TOPIC)) {
                messages.set(GIVEN_UP, givenUpDelivery());
                deadLetters.withObjectProperty("messages").putObject(GIVEN_UP).put("$ref", MESSAGES + GIVEN_UP);
            }
        }

        document.set("operations", operations());

        ObjectNode components = document.putObject("components");
        ObjectNode schemasNode = components.putObject("schemas");
        schemas.schemas().forEach(schemasNode::set);
        components.set("messages", messages);
        components
                .putObject("securitySchemes")
                .putObject("scram")
                .put("type", "scramSha512")
                .put(
                        "description",
                        "SASL/SCRAM-SHA-512: each service has a principal of its own (docs/adr/0010-least-privilege.md).");
        return document;
    }

    private static ObjectNode channel(ObjectNode channels, String topic, String description) {
        ObjectNode channel = channels.putObject(topic).put("address", topic).put("description", description);
        channel.putObject("messages");
        channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", KAFKA_BINDING);
        return channel;
    }

    private static ObjectNode operations() {
        ObjectNode operations = JSON.objectNode();
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        for (Role role : ROLES) {
            String channel = role.topic();
            List<Class<? extends Event>> events =
                    role.messages().isEmpty() ? events(topicType(channel)) : role.messages();
            ObjectNode operation = operations
                    .putObject(role.service() + "_" + role.action() + "s_" + channel)
                    .put("action", role.action())
                    .put("summary", role.why());
            operation.putObject("channel").put("$ref", "#/channels/" + channel);
            ArrayNode refs = operation.putArray("messages");
            events.forEach(event ->
                    refs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + event.getSimpleName()));
            operation.putArray("tags").addObject().put("name", role.service());
            if (role.action().equals("receive")) {
                operation
                        .putObject("bindings")
                        .putObject("kafka")
                        .put("bindingVersion", KAFKA_BINDING)
                        .putObject("groupId")
                        .put("type", "string")
                        .putArray("enum")
                        .add(role.service());
                consumers.computeIfAbsent(channel, topic -> new ArrayList<>()).add(role.service());
            }
        }
        consumers.forEach((topic, services) -> {
            String deadLetters = Topics.deadLetter(topic);
            ObjectNode operation = operations
                    .putObject("consumers_send_" + deadLetters)
                    .put("action", "send")
                    .put(
                            "summary",
                            "A consumer of " + topic + " (" + String.join(", ", services) + ") dead-letters a record"
                                    + " it cannot process here, after bounded retries.");
            operation.putObject("channel").put("$ref", "#/channels/" + deadLetters);
            ArrayNode refs = operation.putArray("messages");
            events(topicType(topic)).forEach(event -> refs.addObject()
                    .put("$ref", "#/channels/" + deadLetters + "/messages/" + event.getSimpleName() + DEAD_LETTER));
            ArrayNode tags = operation.putArray("tags");
            services.forEach(service -> tags.addObject().put("name", service));
        });
        String fulfillmentDlt = Topics.deadLetter(FulfillmentEvent.TOPIC);
        ObjectNode givenUp = operations
                .putObject("fulfillment-service_sends_given-up-deliveries")
                .put("action", "send")
                .put(
                        "summary",
                        "What a rule's target still refuses after its retry policy, with the rule, target and error.");
        givenUp.putObject("channel").put("$ref", "#/channels/" + fulfillmentDlt);
        givenUp.putArray("messages").addObject().put("$ref", "#/channels/" + fulfillmentDlt + "/messages/" + GIVEN_UP);
        givenUp.putArray("tags").addObject().put("name", "fulfillment-service");
        return operations;
    }

    private static ObjectNode message(Class<? extends Event> event, RecordSchemas schemas, boolean deadLetter) {
        String name = event.getSimpleName();
        String meaning = MEANING.get(event);
        if (meaning == null) {
            throw new IllegalStateException("AsyncApiDocument.MEANING says nothing about " + name + "; add a sentence");
        }
        ObjectNode message = JSON.objectNode()
                .put("name", deadLetter ? name + DEAD_LETTER : name)
                .put("title", deadLetter ? name + " (dead letter)" : name)
                .put("summary", deadLetter ? "A " + name + " that a consumer could not process." : meaning)
                .put("contentType", CloudEventHeaders.APPLICATION_JSON);
        ObjectNode headers = cloudEventHeaders(event);
        if (deadLetter) {
            deadLetterHeaders(headers);
        }
        message.set("headers", headers);
        message.set("payload", schemas.ref(event));
        message.putObject("bindings")
                .putObject("kafka")
                .put("bindingVersion", KAFKA_BINDING)
                .putObject("key")
                .put("type", "string")
                .put("description", subjectOptional(event) ? "the event id (ce_id)" : "the customerId");
        return message;
    }

    /** The CloudEvents context attributes as Kafka headers, as {@code KafkaCloudEvents} writes them. */
    private static ObjectNode cloudEventHeaders(Class<? extends Event> event) {
        ObjectNode headers = JSON.objectNode().put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties
                .putObject(CloudEventHeaders.SPEC_VERSION)
                .put("type", "string")
                .put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        properties
                .putObject(CloudEventHeaders.ID)
                .put("type", "string")
                .put("description", "unique per event; consumers apply an event once per id");
        properties
                .putObject(CloudEventHeaders.SOURCE)
                .put("type", "string")
                .put("description", "the publishing service as a URI reference, e.g. /order-service");
        properties.putObject(CloudEventHeaders.TYPE).put("type", "string").put("const", EventTypes.nameOf(event));
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        properties
                .putObject(CloudEventHeaders.SUBJECT)
                .put("type", "string")
                .put("description", "what the event is about: the order or deposit id");
        properties
                .putObject(CloudEventHeaders.CONTENT_TYPE)
                .put("type", "string")
                .put("const", CloudEventHeaders.APPLICATION_JSON);
        ArrayNode required = headers.putArray("required")
                .add(CloudEventHeaders.SPEC_VERSION)
                .add(CloudEventHeaders.ID)
                .add(CloudEventHeaders.SOURCE)
                .add(CloudEventHeaders.TYPE)
                .add(CloudEventHeaders.TIME);
        if (!subjectOptional(event)) {
            required.add(CloudEventHeaders.SUBJECT);
        }
        required.add(CloudEventHeaders.CONTENT_TYPE);
        return headers;
    }

    /** What spring-kafka's dead-letter recoverer and the platform add to a record they dead-letter. */
    private static void deadLetterHeaders(ObjectNode headers) {
        ObjectNode properties = headers.withObjectProperty("properties");
        properties.putObject("kafka_dlt-original-topic").put("type", "string");
        properties
                .putObject("kafka_dlt-exception-fqcn")
                .put("type", "string")
                .put("description", "the outermost exception's class");
        properties.putObject("kafka_dlt-exception-message").put("type", "string");
        properties
                .putObject("orderflow_dlt-root-cause")
                .put("type", "string")
                .put("description", "what is actually wrong with the record, as class: message");
        headers.withArrayProperty("required").add("orderflow_dlt-root-cause");
    }

    private static ObjectNode givenUpDelivery() {
        ObjectNode message = JSON.objectNode()
                .put("name", GIVEN_UP)
                .put("title", "Given-up delivery")
                .put(
                        "summary",
                        "A delivery that a rule's target still refused when its retry policy ran out: the value is the"
                                + " input the target refused (the EventBridge event, or its inputPath/inputTemplate"
                                + " transformation).")
                .put("contentType", CloudEventHeaders.APPLICATION_JSON);
        ObjectNode headers = message.putObject("headers").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(CloudEventHeaders.ID).put("type", "string").put("description", "the event's id");
        properties.putObject("orderflow_rule").put("type", "string");
        properties
                .putObject("orderflow_target")
                .put("type", "string")
                .put("description", "the target's id in the rule");
        properties.putObject("orderflow_target-type").put("type", "string");
        properties.putObject("orderflow_attempts").put("type", "string").put("description", "a decimal number");
        properties.putObject("orderflow_delivery").put("type", "string").put("description", "the delivery's id");
        properties.putObject("orderflow_dlt-root-cause").put("type", "string").put("description", "the last error");
        properties
                .putObject(CloudEventHeaders.CONTENT_TYPE)
                .put("type", "string")
                .put("const", CloudEventHeaders.APPLICATION_JSON);
        ArrayNode required = headers.putArray("required");
        properties.propertyNames().forEach(required::add);
        message.putObject("payload").put("description", "any JSON: the input the target refused");
        message.putObject("bindings")
                .putObject("kafka")
                .put("bindingVersion", KAFKA_BINDING)
                .putObject("key")
                .put("type", "string")
                .put("description", "the event id");
        return message;
    }

    /** Whether the event may have no subject, and then no customer either (a custom event). */
    private static boolean subjectOptional(Class<? extends Event> event) {
        try {
            Method subject = event.getMethod("subject");
            return subject.getAnnotatedReturnType().isAnnotationPresent(Nullable.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String topicOf(Class<?> topicType) {
        try {
            return (String) topicType.getField("TOPIC").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(topicType + " names no TOPIC", e);
        }
    }

    private static Class<?> topicType(String topic) {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            if (topicOf(type).equals(topic)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no events on " + topic);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Event>> events(Class<?> topicType) {
        List<Class<? extends Event>> events = new ArrayList<>();
        for (Class<?> type : topicType.getPermittedSubclasses()) {
            events.add((Class<? extends Event>) type);
        }
        return events;
    }

    private static String meaningOf(Class<?> topicType) {
        return switch (topicOf(topicType)) {
            case BillingEvent.TOPIC -> "Requests for billing-service to act on.";
            case PaymentEvent.TOPIC -> "What billing-service did with an order or a deposit.";
            case FulfillmentEvent.TOPIC ->
                "What fulfillment-service did with a paid order, and the custom events put on its bus.";
            default -> throw new IllegalStateException("describe the topic " + topicOf(topicType));
        };
    }
}
