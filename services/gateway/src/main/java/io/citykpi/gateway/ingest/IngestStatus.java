package io.citykpi.gateway.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/** What ingest last did, for the health check, metrics and operators. */
@ApplicationScoped
public class IngestStatus {

    private final MeterRegistry registry;
    private final IngestConfig config;
    private final Clock clock;
    private final Map<String, Instant> newestBySource = new ConcurrentHashMap<>();

    private volatile Instant startedAt;
    private volatile Instant lastAppliedAt;
    private volatile Instant lastProgressAt;
    private volatile String problem;
    private volatile Instant problemSince;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile int generation;
    private volatile long lag = -1;
    private volatile boolean consuming;
    private volatile Rebuild rebuild;

    /** A rebuild this replica is running. */
    public record Rebuild(int generation, String phase, long applied) {
    }

    public IngestStatus(MeterRegistry registry, IngestConfig config, Clock clock) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        startedAt = clock.instant();
        Gauge.builder("citykpi.gateway.ingest.stalled", this, s -> s.stalled() ? 1 : 0)
                .description("1 while events wait and none has been applied for citykpi.ingest.stall-after: KPIs "
                        + "are not advancing")
                .register(registry);
        Gauge.builder("citykpi.gateway.ingest.lag", this, s -> Math.max(0, s.lag))
                .description("Events on the assigned partitions not yet applied to the KPIs")
                .baseUnit("events")
                .register(registry);
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

    void generation(int generation) {
        this.generation = generation;
    }

    public int generation() {
        return generation;
    }

    void consuming(boolean consuming) {
        this.consuming = consuming;
    }

    public boolean consuming() {
        return consuming;
    }

    void applied(Instant at) {
        lastAppliedAt = at;
        progress(at);
    }

    /** The consumer went round without trouble (nothing may have been waiting). */
    void progress(Instant at) {
        lastProgressAt = at;
        problem = null;
        problemSince = null;
    }

    void lag(long lag) {
        this.lag = lag;
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

    void rebuild(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    public Rebuild rebuild() {
        return rebuild;
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

    public long lag() {
        return lag;
    }

    /**
     * KPIs have stopped advancing: events are waiting (or applying keeps failing) and nothing has been
     * applied for the configured time.
     */
    public boolean stalled() {
        if (!config.enabled() || startedAt == null) {
            return false;
        }
        Instant since = lastAppliedAt != null ? lastAppliedAt : startedAt;
        boolean overdue = Duration.between(since, clock.instant()).compareTo(config.stallAfter()) > 0;
        boolean waiting = lag > 0 || problem != null && problemSince != null
                && Duration.between(problemSince, clock.instant()).compareTo(config.stallAfter()) > 0;
        return overdue && waiting;
    }
}
