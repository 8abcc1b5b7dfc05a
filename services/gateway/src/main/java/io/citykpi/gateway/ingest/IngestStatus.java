package io.citykpi.gateway.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** What the consumer last did, for the health check and operators. */
@ApplicationScoped
public class IngestStatus {

    private volatile Instant lastAppliedAt;
    private volatile String problem;
    private volatile Instant problemSince;
    private volatile Set<TopicPartition> assigned = Set.of();

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
