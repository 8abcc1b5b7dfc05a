package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.SafetyEvents;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.time.BusinessTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Emits one "hazard overdue" event per hazard and deadline. Which deadline was reported is stored on
 * the hazard in the same transaction as the event, so a restart never repeats one; rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, and the condition is re-checked on the locked row, so replicas
 * running the job at the same moment never both emit it. An approved extension sets a new deadline,
 * which may become overdue in its turn.
 */
@ApplicationScoped
public class OverdueJob {

    private static final Logger LOG = Logger.getLogger(OverdueJob.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final OverdueConfig config;
    private ScheduledExecutorService scheduler;

    public OverdueJob(EntityManager em, Outbox outbox, Clock clock, OverdueConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "overdue-job");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runSafely, Math.min(every, 5_000), every, TimeUnit.MILLISECONDS);
        LOG.infof("Overdue job started: checking deadlines every %s", config.interval());
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("Overdue check failed, will try again in %s: %s", config.interval(), e.getMessage());
        }
    }

    /** One pass over every hazard past its deadline; returns how many overdue events it emitted. */
    public int runOnce() {
        LocalDate today = BusinessTime.today(clock);
        int emitted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> emitBatch(today));
            emitted += batch;
        } while (batch == config.batchSize());
        if (emitted > 0) {
            LOG.infof("Overdue check for %s: %d hazards newly overdue", today, emitted);
        }
        return emitted;
    }

    private int emitBatch(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from hazard
                        where status = 'OPEN' and deadline < :today
                          and (overdue_notified_deadline is null or overdue_notified_deadline <> deadline)
                        order by deadline, id
                        limit :limit
                        for update skip locked""", UUID.class)
                .setParameter("today", today)
                .setParameter("limit", config.batchSize())
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (UUID id : ids) {
            Hazard hazard = Hazard.findById(id);
            hazard.overdueNotifiedDeadline = hazard.deadline;
            hazard.updatedAt = now;
            LocalDate firstOverdueDay = hazard.deadline.plusDays(1);
            HazardHistory.record(id, "OVERDUE", firstOverdueDay, "deadline " + hazard.deadline + " passed", now);
            outbox.append(SafetyEvents.HAZARD_OVERDUE, id.toString(), hazard.orgUnit,
                    new SafetyEvents.HazardOverdue(id, hazard.orgUnit, hazard.domain, hazard.severity, hazard.deadline,
                            hazard.listedOn != null, firstOverdueDay));
            LOG.warnf("%s hazard %s in %s is overdue: deadline %s passed without rectification", hazard.severity, id,
                    hazard.orgUnit, hazard.deadline);
        }
        return ids.size();
    }
}
