package io.citykpi.gateway.ingest;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Scheduled ingest work is skipped where ingest is switched off (citykpi.ingest.enabled=false). */
@Singleton
public class IngestDisabled implements Scheduled.SkipPredicate {

    private final IngestConfig config;

    public IngestDisabled(IngestConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
