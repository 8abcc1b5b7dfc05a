package io.citykpi.shared.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates missing CityKPI topics when {@code citykpi.kafka.topics.auto-create} is on. Event topics
 * keep their records forever: they are the log the gateway rebuilds its projections from.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final KafkaClients clients;
    private final KafkaConfig config;

    public TopicProvisioner(KafkaClients clients, KafkaConfig config) {
        this.clients = clients;
        this.config = config;
    }

    public boolean enabled() {
        return config.topics().autoCreate();
    }

    /** Event topics: kept forever. Idempotent; throws when Kafka cannot be reached, so the caller can retry. */
    public void ensureTopics(Collection<String> topics) {
        ensureTopics(topics, null);
    }

    /** Topics whose records expire after {@code retention} (null = kept forever), e.g. dead letters. */
    public void ensureTopics(Collection<String> topics, Duration retention) {
        if (!enabled()) {
            return;
        }
        try (Admin admin = clients.admin("citykpi-topic-provisioner")) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, config.topics().partitions(), config.topics().replicationFactor())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                                    retention == null ? "-1" : Long.toString(retention.toMillis()),
                                    TopicConfig.RETENTION_BYTES_CONFIG, "-1")))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
                LOG.infof("Created Kafka topics %s (partitions=%d, retention %s)",
                        missing.stream().map(NewTopic::name).toList(), config.topics().partitions(),
                        retention == null ? "forever" : retention);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
