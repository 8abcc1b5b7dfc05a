package io.citykpi.livelihood.hotline;

import io.citykpi.shared.metrics.PeriodicGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hotline cases not yet resolved, by type, as a gauge refreshed off the scrape path. */
@ApplicationScoped
public class DomainMetrics {

    void onStart(@Observes StartupEvent event, PeriodicGauges gauges) {
        gauges.registerCounts("citykpi.hotline.cases.open", "Hotline cases not yet resolved, by type", "type",
                "select case_type, count(*) from hotline_case where status in ('RECEIVED', 'ACCEPTED') group by case_type");
    }
}
