package io.citykpi.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Domain gauges (projects by stage, open hazards by severity, ...) computed by a database query every
 * 30 seconds, off the scrape path: a slow or unreachable database never makes /q/metrics hang.
 */
@ApplicationScoped
public class PeriodicGauges {

    private static final Logger LOG = Logger.getLogger(PeriodicGauges.class);

    private final MeterRegistry registry;
    private final EntityManager em;
    private final List<Runnable> refreshers = new ArrayList<>();

    public PeriodicGauges(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
    }

    /** A gauge of counts by one label, from {@code select <label>, count(*) ... group by <label>}. */
    public void registerCounts(String name, String description, String tagKey, String groupedCountSql) {
        register(name, description, tagKey, () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(groupedCountSql).getResultList();
            Map<String, Number> counts = new LinkedHashMap<>();
            rows.forEach(row -> counts.put(String.valueOf(row[0]), (Number) row[1]));
            return counts;
        });
    }

    /** Registers a gauge {@code name{tagKey=<key>}} whose values come from {@code query} (run in a transaction). */
    public synchronized void register(String name, String description, String tagKey, Supplier<Map<String, Number>> query) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).register(registry);
        Runnable refresh = () -> {
            Map<String, Number> values = QuarkusTransaction.requiringNew().call(query::get);
            gauge.register(values.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of(tagKey, e.getKey()), e.getValue()))
                    .toList(), true);
        };
        refreshers.add(refresh);
    }

    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refreshAll() {
        for (Runnable refresh : refreshers) {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                LOG.debugf("domain gauge refresh failed: %s", e.getMessage());
            }
        }
    }
}
