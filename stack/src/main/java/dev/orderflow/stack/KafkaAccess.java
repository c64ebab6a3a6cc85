package dev.orderflow.stack;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker (KRaft's {@code StandardAuthorizer}, nothing allowed without an ACL): each service
 * writes the topics it publishes to and the dead-letter topics of what it consumes, reads what it consumes with its own
 * consumer group, and may describe every orderflow topic (its admin checks at start-up that they exist). Topics are
 * created by the admin, not by the services. billing-service alone writes {@code payment}, fulfillment-service alone
 * writes {@code fulfillment}; {@code billing} has two publishers, order-service (OrderPlaced) and billing-service
 * (DepositRequested).
 *
 * <p>fulfillment-service's operator features read every dead-letter topic (its replays read the event topics it
 * consumes anyway). Redriving a dead letter back to {@code billing} or {@code payment} is a write only their
 * publishers may make, so it is not granted to fulfillment-service's own principal but to {@code fulfillment-redrive},
 * a principal of its own with nothing but those writes, whose credentials an operator gives the redrive alone
 * (docs/adr/0010-least-privilege.md).
 */
public final class KafkaAccess {

    /** The SCRAM mechanism of every account; SCRAM-SHA-512 with Kafka's default iterations. */
    public static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;

    static final int ITERATIONS = 4096;

    /** The principal that may redrive dead letters to the event topics (and nothing else). */
    public static final String REDRIVE = "fulfillment-redrive";

    /** What one principal may do: write {@code writes}, read {@code reads}, consume as {@code groups}. */
    public record Grant(String principal, List<String> writes, List<String> reads, List<String> groups) {}

    private static final String BILLING = BillingEvent.TOPIC;
    private static final String PAYMENT = PaymentEvent.TOPIC;
    private static final String FULFILLMENT = FulfillmentEvent.TOPIC;

    public static final List<Grant> GRANTS = List.of(
            consumer("order-service", List.of(BILLING), List.of(PAYMENT, FULFILLMENT)),
            consumer("billing-service", List.of(BILLING, PAYMENT), List.of(BILLING)),
            consumer("notification-service", List.of(), List.of(PAYMENT, FULFILLMENT)),
            consumer("push-service", List.of(), List.of(PAYMENT, FULFILLMENT)),
            withReads(
                    consumer("fulfillment-service", List.of(FULFILLMENT), List.of(BILLING, PAYMENT, FULFILLMENT)),
                    Topics.ALL.stream().map(Topics::deadLetter).toList()),
            new Grant(REDRIVE, Topics.ALL, List.of(), List.of()));

    private KafkaAccess() {}

    /** A service that publishes to {@code publishes} and consumes {@code consumes} as the group of its name. */
    static Grant consumer(String principal, List<String> publishes, List<String> consumes) {
        List<String> writes = new ArrayList<>(publishes);
        consumes.stream().map(Topics::deadLetter).forEach(writes::add);
        return new Grant(principal, List.copyOf(writes), consumes, List.of(principal));
    }

    private static Grant withReads(Grant grant, List<String> more) {
        return new Grant(
                grant.principal(),
                grant.writes(),
                Stream.concat(grant.reads().stream(), more.stream()).distinct().toList(),
                grant.groups());
    }

    /** Every ACL the broker should hold for the principals above. */
    public static Set<AclBinding> bindings() {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        List<String> allTopics = Stream.concat(
                        Topics.ALL.stream(), Topics.ALL.stream().map(Topics::deadLetter))
                .toList();
        for (Grant grant : GRANTS) {
            String principal = "User:" + grant.principal();
            grant.writes().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, WRITE)));
            grant.reads().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, READ)));
            grant.groups().forEach(group -> bindings.add(allow(principal, ResourceType.GROUP, group, READ)));
            if (!grant.groups().isEmpty()) {
                allTopics.forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, DESCRIBE)));
            }
        }
        return bindings;
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** Every principal with a SCRAM credential besides the admin: the services and the redrive. */
    public static List<String> principals() {
        return GRANTS.stream().map(Grant::principal).toList();
    }

    /**
     * Gives every principal its SCRAM credential with its current password, adds the missing ACLs and removes those of
     * these principals that are no longer granted; a second run changes nothing but the credentials' salts.
     *
     * @return one line that says what was done
     */
    public static String ensure(Admin admin) throws InterruptedException, ExecutionException {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String principal : principals()) {
            users.add(new UserScramCredentialUpsertion(
                    principal, new ScramCredentialInfo(MECHANISM, ITERATIONS), StackAccounts.secret(principal)));
        }
        admin.alterUserScramCredentials(users).all().get();

        Set<AclBinding> wanted = bindings();
        Set<String> managed = new LinkedHashSet<>();
        principals().forEach(principal -> managed.add("User:" + principal));
        Collection<AclBinding> present =
                admin.describeAcls(AclBindingFilter.ANY).values().get();
        List<AclBindingFilter> stale = present.stream()
                .filter(binding -> managed.contains(binding.entry().principal()))
                .filter(binding -> !wanted.contains(binding))
                .map(AclBinding::toFilter)
                .toList();
        List<AclBinding> missing =
                wanted.stream().filter(binding -> !present.contains(binding)).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get();
        }
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get();
        }
        return "SCRAM users: " + String.join(", ", principals()) + "; ACLs: " + missing.size() + " added, "
                + stale.size() + " removed, " + wanted.size() + " in place";
    }
}
