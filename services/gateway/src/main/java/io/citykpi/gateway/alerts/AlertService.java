package io.citykpi.gateway.alerts;

import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.query.SourceLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AlertService {

    private final KpiService kpis;
    private final AlertRules rules;

    public AlertService(KpiService kpis, AlertConfig config, SourceLinks links) {
        this.kpis = kpis;
        this.rules = new AlertRules(kpis.definitions(), kpis.orgUnits(), config, links);
    }

    public AlertList alerts(KpiQuery query, String orgUnit, Alert.Severity minimum) {
        KpiSnapshot snapshot = kpis.snapshot(query);
        int year = query.period().year();
        // The year's monthly reports, and December before it (January is compared with it).
        List<Fact> reports = kpis.ledger().reports(AlertRules.REPORT_TYPES, LocalDate.of(year - 1, 12, 1),
                LocalDate.of(year, 12, 1), query.knownAt());
        List<String> covered = orgUnit == null ? null : kpis.orgUnits().selfAndDescendants(orgUnit);
        List<Alert> alerts = rules.evaluate(snapshot, reports).stream()
                .filter(a -> covered == null || covered.contains(a.orgUnit()))
                .filter(a -> minimum == null || a.severity().compareTo(minimum) <= 0)
                .toList();
        Map<Alert.Severity, Integer> counts = new EnumMap<>(Alert.Severity.class);
        for (Alert.Severity severity : Alert.Severity.values()) {
            counts.put(severity, (int) alerts.stream().filter(a -> a.severity() == severity).count());
        }
        return new AlertList(query.period().year(), query.asOf(), counts, alerts);
    }
}
