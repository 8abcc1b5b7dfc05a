package io.citykpi.shared.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Kafka and the outbox backlog under readiness, but always UP: while Kafka is away the
 * service still accepts writes (they wait in the outbox), so taking it out of the load balancer
 * would turn a delay into an outage. The {@code state} field says DEGRADED and why.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final KafkaReachability kafka;
    private final OutboxBacklog backlog;
    private final OutboxConfig config;

    public OutboxHealthCheck(KafkaReachability kafka, OutboxBacklog backlog, OutboxConfig config) {
        this.kafka = kafka;
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-outbox").up()
                .withData("pendingEvents", backlog.pendingEvents())
                .withData("oldestPendingAgeSeconds", backlog.oldestPendingAgeSeconds());
        String problem = kafka.problem();
        if (problem == null && backlog.oldestPendingAgeSeconds() > config.backlogAgeLimit().toSeconds()) {
            return response.withData("state", "DEGRADED")
                    .withData("message", "the oldest unpublished event is " + backlog.oldestPendingAgeSeconds()
                            + "s old, over the limit of " + config.backlogAgeLimit().toSeconds() + "s")
                    .build();
        }
        if (problem == null) {
            return response.withData("state", "OK").build();
        }
        return response.withData("state", "DEGRADED")
                .withData("message", "Kafka unreachable since " + kafka.since()
                        + "; events wait in the outbox and will be published when it returns: " + problem)
                .build();
    }
}
