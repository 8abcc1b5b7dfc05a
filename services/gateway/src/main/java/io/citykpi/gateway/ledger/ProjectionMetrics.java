package io.citykpi.gateway.ledger;

import io.citykpi.shared.metrics.PeriodicGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Facts in each projection generation by state: a BUILDING series means a rebuild is running. */
@ApplicationScoped
public class ProjectionMetrics {

    void onStart(@Observes StartupEvent event, PeriodicGauges gauges) {
        gauges.registerCounts("citykpi.gateway.projection.events", "Events applied to each projection generation, by state "
                        + "(ACTIVE answers queries; BUILDING is a rebuild in progress)", "state",
                "select state, sum(events_applied) from projection_generation where state <> 'RETIRED' group by state");
    }
}
