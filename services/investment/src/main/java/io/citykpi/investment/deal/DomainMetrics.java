package io.citykpi.investment.deal;

import io.citykpi.shared.metrics.PeriodicGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Signed deals by status, as a gauge refreshed off the scrape path. */
@ApplicationScoped
public class DomainMetrics {

    void onStart(@Observes StartupEvent event, PeriodicGauges gauges) {
        gauges.registerCounts("citykpi.deals", "Signed deals by status", "status",
                "select status, count(*) from deal group by status");
    }
}
