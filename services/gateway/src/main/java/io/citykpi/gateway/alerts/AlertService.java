package io.citykpi.gateway.alerts;

import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.projects.ProjectMeasures;
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

    /**
     * @param newSince only alerts that did not hold on that day (same year; null: all): what appeared since
     */
    public AlertList alerts(KpiQuery query, String orgUnit, Alert.Severity minimum, java.time.LocalDate newSince) {
        AlertList all = alerts(query, orgUnit, minimum);
        if (newSince == null) {
            return all;
        }
        java.util.Set<String> before = alerts(new KpiQuery(query.period(), newSince, query.knownAt()), orgUnit, minimum)
                .alerts().stream().map(Alert::id).collect(java.util.stream.Collectors.toSet());
        List<Alert> fresh = all.alerts().stream().filter(a -> !before.contains(a.id())).toList();
        return new AlertList(all.year(), all.asOf(), counts(fresh), fresh);
    }

    public AlertList alerts(KpiQuery query, String orgUnit, Alert.Severity minimum) {
        KpiSnapshot snapshot = kpis.snapshot(query);
        int year = query.period().year();
        // The year's monthly reports, and December before it (January is compared with it).
        List<Fact> reports = new java.util.ArrayList<>(kpis.ledger().reports(AlertRules.REPORT_TYPES,
                LocalDate.of(year - 1, 12, 1), LocalDate.of(year, 12, 1), query.knownAt()));
        // The projects these reports are about, for their code and name in the alerts' labels.
        reports.addAll(kpis.ledger().ofSubjects(AlertRules.PROJECT_NAMING_TYPES, reports.stream()
                .filter(f -> f.source().equals(ProjectMeasures.SOURCE)).map(Fact::subject).distinct().toList(), query.knownAt()));
        List<String> covered = orgUnit == null ? null : kpis.orgUnits().selfAndDescendants(orgUnit);
        List<Alert> alerts = rules.evaluate(snapshot, reports).stream()
                .filter(a -> covered == null || covered.contains(a.orgUnit()))
                .filter(a -> minimum == null || a.severity().compareTo(minimum) <= 0)
                .toList();
        return new AlertList(query.period().year(), query.asOf(), counts(alerts), alerts);
    }

    private static Map<Alert.Severity, Integer> counts(List<Alert> alerts) {
        Map<Alert.Severity, Integer> counts = new EnumMap<>(Alert.Severity.class);
        for (Alert.Severity severity : Alert.Severity.values()) {
            counts.put(severity, (int) alerts.stream().filter(a -> a.severity() == severity).count());
        }
        return counts;
    }
}
