package io.citykpi.gateway.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: the gateway still answers KPI queries from what it has while Kafka is away, so it should
 * stay in the load balancer. {@code state} says DEGRADED and why.
 */
@Readiness
@ApplicationScoped
public class IngestHealthCheck implements HealthCheck {

    private final IngestStatus status;

    public IngestHealthCheck(IngestStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-ingest").up()
                .withData("assignedPartitions", status.assigned().size());
        if (status.lastAppliedAt() != null) {
            response.withData("lastAppliedAt", status.lastAppliedAt().toString());
        }
        if (status.generation() > 0) {
            response.withData("projectionGeneration", status.generation());
        }
        if (status.problem() == null && status.rebuilding()) {
            return response.withData("state", "REBUILDING")
                    .withData("message", "Replaying every topic into projection generation " + status.generation()
                            + "; KPIs are served from the previous generation until it has caught up")
                    .build();
        }
        if (status.problem() == null) {
            return response.withData("state", "OK").build();
        }
        return response.withData("state", "DEGRADED")
                .withData("message", "Events are not being applied since " + status.problemSince()
                        + ", KPIs may be stale: " + status.problem())
                .build();
    }
}
