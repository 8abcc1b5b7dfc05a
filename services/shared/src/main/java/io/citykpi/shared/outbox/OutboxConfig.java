package io.citykpi.shared.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The producing service's identity and how its outbox relay behaves. */
@ConfigMapping(prefix = "citykpi.outbox")
public interface OutboxConfig {

    /**
     * The service name, e.g. {@code projects}: gives the topic ({@code citykpi.projects.v1}), the
     * CloudEvents source ({@code /citykpi/projects}) and the event type prefix.
     */
    String service();

    /** Start the relay thread. Off only where another replica or a test drives publishing. */
    @WithDefault("true")
    boolean relayEnabled();

    /** The longest the relay sleeps when it has nothing to do; a commit wakes it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** Longest pause between retries while Kafka is unreachable. */
    @WithDefault("15s")
    Duration maxBackoff();

    /** An unsent event older than this makes the kafka-outbox health check report DEGRADED. */
    @WithDefault("5m")
    Duration backlogAgeLimit();

    /** Published rows are kept this long for audit and replay by hand, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
