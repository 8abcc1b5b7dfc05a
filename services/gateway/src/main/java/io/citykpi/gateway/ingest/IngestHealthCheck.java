package io.citykpi.gateway.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether KPIs keep up with the events. UP while the gateway follows the stream, and while Kafka is
 * away (it still answers from what it has; {@code state} says DEGRADED and why). DOWN when events are
 * waiting and none has been applied for {@code citykpi.ingest.stall-after}: this replica's KPIs have
 * stopped advancing and it should not answer as if they were current.
 */
@Readiness
@ApplicationScoped
public class IngestHealthCheck implements HealthCheck {

    private final IngestStatus status;
    private final DeadLetterRelay deadLetters;

    public IngestHealthCheck(IngestStatus status, DeadLetterRelay deadLetters) {
        this.status = status;
        this.deadLetters = deadLetters;
    }

    long deadLettersPending() {
        return deadLetters.pending();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-ingest").up()
                .withData("assignedPartitions", status.assigned().size())
                .withData("deadLettersPending", deadLettersPending());
        if (status.lastAppliedAt() != null) {
            response.withData("lastAppliedAt", status.lastAppliedAt().toString());
        }
        if (status.lag() >= 0) {
            response.withData("lag", status.lag());
        }
        if (status.generation() > 0) {
            response.withData("projectionGeneration", status.generation());
        }
        IngestStatus.Rebuild rebuild = status.rebuild();
        if (rebuild != null) {
            response.withData("rebuildGeneration", rebuild.generation()).withData("rebuildPhase", rebuild.phase());
        }
        if (status.stalled()) {
            return response.down().withData("state", "STALLED")
                    .withData("message", "KPIs are not advancing: " + (status.lag() > 0 ? status.lag() + " events wait"
                            : "events cannot be applied") + " and none has been applied since "
                            + (status.lastAppliedAt() != null ? status.lastAppliedAt() : "start-up")
                            + (status.problem() != null ? ": " + status.problem() : ""))
                    .build();
        }
        if (status.problem() != null) {
            return response.withData("state", "DEGRADED")
                    .withData("message", "Events are not being applied since " + status.problemSince()
                            + ", KPIs may be stale: " + status.problem())
                    .build();
        }
        if (rebuild != null) {
            return response.withData("state", "REBUILDING")
                    .withData("message", "Rebuilding ledger generation " + rebuild.generation() + " (" + rebuild.phase()
                            + ", " + rebuild.applied() + " events); KPIs are served from generation "
                            + status.generation() + ", which keeps following new events, until it has caught up")
                    .build();
        }
        return response.withData("state", "OK").build();
    }
}
