package io.citykpi.bench.kafka;

import io.citykpi.bench.Settings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How the harness reaches Kafka: {@code --kafka} (bootstrap servers, default 127.0.0.1:19092) and
 * {@code --kafka-config} (a properties file passed to every client as it is: SASL, TLS), the way the
 * services take {@code citykpi.kafka.client."<property>"}.
 */
public final class KafkaSettings {

    private final Map<String, Object> common = new HashMap<>();

    public KafkaSettings(Settings settings) {
        settings.optional("kafka-config").ifPresent(file -> {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --kafka-config " + file, e);
            }
            properties.forEach((k, v) -> common.put(k.toString(), v));
        });
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.text("kafka", "127.0.0.1:19092"));
    }

    public String bootstrapServers() {
        return common.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    public Admin admin() {
        Map<String, Object> props = props("citykpi-bench-admin");
        return Admin.create(props);
    }

    /** Settings of the services' own producer (KafkaClients: idempotent, acks=all, linger 5 ms), plus {@code extra}. */
    public KafkaProducer<String, byte[]> producer(String clientId, Map<String, Object> extra) {
        Map<String, Object> props = props(clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Settings of the gateway's consumer (KafkaClients: read_committed, no auto-commit), without a group. */
    public KafkaConsumer<String, byte[]> consumer(String clientId, Map<String, Object> extra) {
        Map<String, Object> props = props(clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(extra);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> props(String clientId) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
