package io.citykpi.shared.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds plain kafka-clients producers, consumers and admin clients from {@link KafkaConfig}. */
@ApplicationScoped
public class KafkaClients {

    private final KafkaConfig config;

    public KafkaClients(KafkaConfig config) {
        this.config = config;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /**
     * Idempotent, acks=all: a retry inside the client never writes a record twice or out of order.
     * Short blocking limits, because the outbox relay, not the client, decides when to try again.
     */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> props = common(clientId);
        int timeoutMs = (int) config.requestTimeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs * 3);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Offsets are the application's business (stored with its data), so auto-commit is off. */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId) {
        return consumer(clientId, groupId, Map.of());
    }

    /**
     * @param groupId  null for a consumer that assigns itself partitions (no group, nothing committed)
     * @param settings consumer settings of this caller, e.g. how many records one poll returns
     */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId, Map<String, Object> settings) {
        Map<String, Object> props = common(clientId);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        // A crashed member's partitions wait this long before another member (or its own restart) gets them.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        props.putAll(settings);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin(String clientId) {
        Map<String, Object> props = common(clientId);
        int timeoutMs = (int) config.requestTimeout().toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return Admin.create(props);
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> props = new HashMap<>(config.client());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        return props;
    }
}
