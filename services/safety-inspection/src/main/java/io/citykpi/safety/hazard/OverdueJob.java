package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.SafetyEvents;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.time.BusinessTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.citykpi.shared.contract.safety.HazardDeadlines;
import io.citykpi.shared.contract.safety.HazardStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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
    private volatile boolean running;

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

    /** Lets the scheduled check run in this replica (the scheduler ticks every citykpi.overdue.interval). */
    public void start() {
        if (!running) {
            running = true;
            LOG.infof("Overdue job started: checking deadlines every %s", config.interval());
        }
    }

    /** Stops scheduled checks here; a check already under way finishes its batch. */
    public void stop() {
        running = false;
    }

    @Scheduled(every = "${citykpi.overdue.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        if (!running) {
            return;
        }
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
            // The query found it; the rule decides it, on the locked row (the same rule the gateway's KPI uses).
            if (!HazardDeadlines.overdueOn(hazard.deadline, hazard.status != HazardStatus.OPEN, today)) {
                continue;
            }
            hazard.overdueNotifiedDeadline = hazard.deadline;
            hazard.updatedAt = now;
            LocalDate firstOverdueDay = HazardDeadlines.firstOverdueDay(hazard.deadline);
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
