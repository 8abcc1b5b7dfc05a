package io.citykpi.gateway.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "citykpi.ingest")
public interface IngestConfig {

    /** Start consuming at start-up. */
    @WithDefault("true")
    boolean enabled();

    /** Replicas of one gateway deployment share the group, and so split the partitions. */
    @WithDefault("citykpi-gateway")
    String groupId();

    /** The domain topics to consume: every domain service's. */
    @WithDefault("citykpi.projects.v1,citykpi.investment.v1,citykpi.livelihood.v1,citykpi.safety-inspection.v1")
    List<String> topics();

    @WithDefault("citykpi.gateway.dead-letter.v1")
    String deadLetterTopic();

    /** How long dead letters are kept when the gateway creates their topic (the chart's default too). */
    @WithDefault("P30D")
    Duration deadLetterRetention();

    @WithDefault("500ms")
    Duration pollTimeout();

    /** Most records applied in one transaction while following the live stream. */
    @WithDefault("1000")
    int maxBatch();

    /** Most records applied in one transaction by a rebuild (bigger batches, fewer round trips). */
    @WithDefault("5000")
    int rebuildBatch();

    /** Longest pause between retries while Kafka or the database is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Events waiting and none applied for this long: KPIs have stopped advancing, readiness goes DOWN
     * (a broken replica leaves the load balancer; the alert CityKPIKpisNotAdvancing fires).
     */
    @WithDefault("2m")
    Duration stallAfter();

    /** How long a retired generation's tables are kept after a switch-over (queries still reading it finish). */
    @WithDefault("2m")
    Duration retiredGrace();
}
