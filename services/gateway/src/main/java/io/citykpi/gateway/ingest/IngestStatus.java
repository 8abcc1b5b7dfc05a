package io.citykpi.gateway.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** What the consumer last did, for the health check and operators. */
@ApplicationScoped
public class IngestStatus {

    private final MeterRegistry registry;
    private final Map<String, Instant> newestBySource = new ConcurrentHashMap<>();

    public IngestStatus(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Remembers the newest event applied from a source, exported as its age in seconds. */
    void newest(String source, Instant recordedAt) {
        Instant previous = newestBySource.put(source, recordedAt);
        if (previous == null) {
            Gauge.builder("citykpi.gateway.newest.event.age", newestBySource,
                            m -> Duration.between(m.get(source), Instant.now()).toMillis() / 1000.0)
                    .description("Age of the newest event applied from each source service")
                    .baseUnit("seconds")
                    .tag("source", source)
                    .register(registry);
        } else if (previous.isAfter(recordedAt)) {
            newestBySource.put(source, previous);
        }
    }

    private volatile Instant lastAppliedAt;
    private volatile String problem;
    private volatile Instant problemSince;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile int generation;
    private volatile boolean rebuilding;

    /** The projection generation events go to, and whether it is a rebuild not yet switched over. */
    void generation(int generation, boolean rebuilding) {
        this.generation = generation;
        this.rebuilding = rebuilding;
    }

    public int generation() {
        return generation;
    }

    public boolean rebuilding() {
        return rebuilding;
    }

    void applied(Instant at) {
        lastAppliedAt = at;
        problem = null;
        problemSince = null;
    }

    void failing(String message, Instant at) {
        if (problem == null) {
            problemSince = at;
        }
        problem = message;
    }

    void assigned(Set<TopicPartition> partitions) {
        assigned = Set.copyOf(partitions);
    }

    public Instant lastAppliedAt() {
        return lastAppliedAt;
    }

    public String problem() {
        return problem;
    }

    public Instant problemSince() {
        return problemSince;
    }

    public Set<TopicPartition> assigned() {
        return assigned;
    }
}
