package io.citykpi.shared.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * How many events wait in the outbox and how old the oldest is: gauges for Prometheus and the
 * kafka-outbox health check. Counted every few seconds by the scheduler, off the scrape path.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    /** Operational time, not the business clock tests may move. */
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    public OutboxBacklog(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("citykpi.outbox.pending.events", pendingEvents, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("citykpi.outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
                .description("Age of the oldest event waiting in the outbox")
                .baseUnit("seconds")
                .register(registry);
    }

    public long pendingEvents() {
        return pendingEvents.get();
    }

    public long oldestPendingAgeSeconds() {
        return oldestPendingAgeSeconds.get();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] stats = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select count(*), min(recorded_at) from outbox_event where published_at is null").getSingleResult());
            pendingEvents.set(((Number) stats[0]).longValue());
            oldestPendingAgeSeconds.set(stats[1] == null ? 0
                    : Math.max(0, Duration.between(OutboxRows.toUtc(stats[1]).toInstant(), clock.instant()).toSeconds()));
        } catch (RuntimeException e) {
            // The database health check reports an unreachable database; the gauges keep their last values.
            LOG.debugf("could not read outbox statistics: %s", e.getMessage());
        }
    }
}
