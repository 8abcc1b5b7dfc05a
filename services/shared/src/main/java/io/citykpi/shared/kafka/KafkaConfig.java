package io.citykpi.shared.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How a service reaches Kafka. Environment: {@code CITYKPI_KAFKA_BOOTSTRAP_SERVERS} and friends. */
@ConfigMapping(prefix = "citykpi.kafka")
public interface KafkaConfig {

    /** Comma-separated host:port list. The default is the broker `make run` starts. */
    @WithDefault("127.0.0.1:19092")
    String bootstrapServers();

    /** Extra client properties (security.protocol, sasl.*, ssl.*), passed to every client as they are. */
    Map<String, String> client();

    /** How long a client call may wait for an unreachable broker before the caller retries later. */
    @WithDefault("5s")
    Duration requestTimeout();

    Topics topics();

    interface Topics {
        /**
         * Create missing topics at start-up (dev, tests, `make run`). In clusters the Helm chart or
         * Strimzi owns topics and this is off.
         */
        @WithDefault("true")
        boolean autoCreate();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
