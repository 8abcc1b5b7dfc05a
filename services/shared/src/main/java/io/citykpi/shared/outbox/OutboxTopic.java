package io.citykpi.shared.outbox;

import io.citykpi.shared.event.Topics;
import io.citykpi.shared.kafka.TopicProvisioner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The service's topic, created on first use if the broker does not have it yet. Provisioned before the
 * first publication rather than at startup, so a service starts (and takes writes) while Kafka is away.
 */
@ApplicationScoped
public class OutboxTopic {

    private final TopicProvisioner topics;
    private final OutboxConfig config;
    private volatile boolean provisioned;

    public OutboxTopic(TopicProvisioner topics, OutboxConfig config) {
        this.topics = topics;
        this.config = config;
    }

    public String name() {
        return Topics.domainTopic(config.service());
    }

    /** Creates the topic unless this instance already saw it; throws while Kafka is unreachable. */
    public void ensureProvisioned() {
        if (!provisioned) {
            topics.ensureTopics(List.of(name()));
            provisioned = true;
        }
    }
}
