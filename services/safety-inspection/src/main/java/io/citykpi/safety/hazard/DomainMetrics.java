package io.citykpi.safety.hazard;

import io.citykpi.shared.metrics.PeriodicGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hazards not yet closed, by severity, as a gauge refreshed off the scrape path. */
@ApplicationScoped
public class DomainMetrics {

    void onStart(@Observes StartupEvent event, PeriodicGauges gauges) {
        gauges.registerCounts("citykpi.hazards.open", "Hazards not yet closed, by severity", "severity",
                "select severity, count(*) from hazard where status <> 'CLOSED' group by severity");
    }
}
