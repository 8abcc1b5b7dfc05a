package io.citykpi.shared.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How a service reaches Kafka. Environment: {@code CITYKPI_KAFKA_BOOTSTRAP_SERVERS} and friends. */
@ConfigMapping(prefix = "citykpi.kafka")
public interface KafkaConfig {

    /** Comma-separated host:port list. The default is the broker `make run` starts. */
    @WithDefault("127.0.0.1:19092")
    String bootstrapServers();

    /**
     * PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. Unset: SASL_PLAINTEXT when {@code sasl.username} is
     * set, else PLAINTEXT (or whatever {@code client."security.protocol"} says).
     */
    Optional<String> securityProtocol();

    /** This service's own Kafka principal, e.g. {@code CITYKPI_KAFKA_SASL_USERNAME} / {@code _PASSWORD} from a Secret. */
    Sasl sasl();

    /** Extra client properties (ssl.*, or anything else), passed to every client as they are; they win over the above. */
    Map<String, String> client();

    /** How long a client call may wait for an unreachable broker before the caller retries later. */
    @WithDefault("5s")
    Duration requestTimeout();

    Topics topics();

    interface Sasl {
        /** Empty: no SASL login. */
        Optional<String> username();

        Optional<String> password();

        /** SCRAM-SHA-512 (Strimzi's KafkaUser type scram-sha-512, and `make run`) or SCRAM-SHA-256. */
        @WithDefault("SCRAM-SHA-512")
        String mechanism();
    }

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
