package io.citykpi.projects.project;

import io.citykpi.shared.metrics.PeriodicGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Projects on the register by construction stage, as a gauge refreshed off the scrape path. */
@ApplicationScoped
public class DomainMetrics {

    void onStart(@Observes StartupEvent event, PeriodicGauges gauges) {
        gauges.registerCounts("citykpi.projects", "Projects on the register by construction stage", "stage",
                "select stage, count(*) from project group by stage");
    }
}
