package io.citykpi.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on CityKPI's Kafka, one principal per service, as the Strimzi {@code KafkaUser}s in
 * deploy/platform grant it in a cluster: a domain service writes (and may create) its own topic and
 * reads nothing; the gateway reads the four domain topics in its consumer group and writes only its
 * own topic and the dead-letter topic.
 */
public final class KafkaAccess {

    public static final List<String> DOMAIN_SERVICES = List.of("projects", "investment", "livelihood", "safety-inspection");
    public static final String GATEWAY = "gateway";
    public static final String GATEWAY_GROUP = "citykpi-gateway";

    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaAccess() {
    }

    /** The Kafka principal (SCRAM user name) of a service. */
    public static String principal(String service) {
        return "citykpi-" + service;
    }

    public static String topic(String service) {
        return "citykpi." + service + ".v1";
    }

    public static String deadLetterTopic() {
        return "citykpi.gateway.dead-letter.v1";
    }

    /**
     * Creates or updates each service's SCRAM credential and grants its ACLs. Idempotent: run it on
     * every start, so changed passwords take effect and no grant is missing.
     *
     * @param passwords service name (projects, ..., gateway) to its password
     */
    public static void grant(KafkaBroker broker, Map<String, String> passwords) {
        if (!passwords.keySet().equals(new java.util.HashSet<>(services()))) {
            throw new IllegalArgumentException("passwords for exactly " + services() + ", got " + passwords.keySet());
        }
        try (Admin admin = Admin.create(broker.adminClientProperties())) {
            admin.alterUserScramCredentials(passwords.entrySet().stream()
                    .map(e -> (org.apache.kafka.clients.admin.UserScramCredentialAlteration) new UserScramCredentialUpsertion(
                            principal(e.getKey()), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                            e.getValue()))
                    .toList()).all().get();
            admin.createAcls(bindings()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while granting Kafka access", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not grant Kafka access: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public static List<String> services() {
        List<String> services = new ArrayList<>(DOMAIN_SERVICES);
        services.add(GATEWAY);
        return services;
    }

    /** Every ACL, by principal: what the chart's Strimzi KafkaUser examples grant too. */
    static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (String service : DOMAIN_SERVICES) {
            allow(bindings, service, topic(service), AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        }
        for (String service : DOMAIN_SERVICES) {
            allow(bindings, GATEWAY, topic(service), AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(bindings, GATEWAY, topic(GATEWAY), AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        allow(bindings, GATEWAY, deadLetterTopic(), AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        bindings.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, GATEWAY_GROUP, PatternType.PREFIXED),
                entry(GATEWAY, AclOperation.READ)));
        return bindings;
    }

    private static void allow(List<AclBinding> bindings, String service, String topic, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    entry(service, operation)));
        }
    }

    private static AccessControlEntry entry(String service, AclOperation operation) {
        return new AccessControlEntry("User:" + principal(service), "*", operation, AclPermissionType.ALLOW);
    }
}
