package io.citykpi.shared.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/** Deletes published outbox rows once they are older than the retention (kept for audit and replay by hand). */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock = Clock.systemUTC();

    public OutboxPurge(EntityManager em, OutboxConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OutboxRelay.Disabled.class)
    void purge() {
        int purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from outbox_event where published_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(clock).minus(config.retention()))
                .executeUpdate());
        if (purged > 0) {
            LOG.infof("Deleted %d published outbox rows older than %s", purged, config.retention());
        }
    }
}
