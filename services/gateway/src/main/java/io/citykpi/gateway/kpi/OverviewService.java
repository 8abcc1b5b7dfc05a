package io.citykpi.gateway.kpi;

import io.citykpi.gateway.alerts.Alert;
import io.citykpi.gateway.alerts.AlertList;
import io.citykpi.gateway.alerts.AlertService;
import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.reporting.ReportingService;
import io.citykpi.shared.orgunit.OrgUnit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts a cockpit's first screen together from the KPIs, the alerts and the reporting calendar. */
@ApplicationScoped
public class OverviewService {

    /** What ranks are compared with: the end of the previous month or of the previous quarter. */
    public enum CompareWith { MONTH, QUARTER }

    private final KpiService kpis;
    private final AlertService alerts;
    private final ReportingService reporting;

    public OverviewService(KpiService kpis, AlertService alerts, ReportingService reporting) {
        this.kpis = kpis;
        this.alerts = alerts;
        this.reporting = reporting;
    }

    public Overview overview(KpiQuery query, CompareWith compareWith) {
        KpiSnapshot now = kpis.snapshot(query);
        LocalDate cutoff = query.window().cutoff();
        LocalDate earlier = compareWith == CompareWith.QUARTER
                ? YearMonth.from(cutoff).minusMonths((cutoff.getMonthValue() - 1) % 3 + 1).atEndOfMonth()
                : YearMonth.from(cutoff).minusMonths(1).atEndOfMonth();
        KpiSnapshot before = earlier.isBefore(query.window().start()) ? null
                : kpis.snapshot(new KpiQuery(query.period(), earlier, query.knownAt()));
        List<OrgUnit> units = kpis.orgUnits().all();
        List<KpiDefinition> definitions = kpis.definitions().stream()
                .sorted(Comparator.comparingInt(d -> d.display().order())).toList();
        List<Overview.Cell> cells = new ArrayList<>();
        for (KpiDefinition kpi : definitions) {
            for (OrgUnit unit : units) {
                KpiValue v = now.value(kpi, unit.code());
                Integer previousRank = before == null ? null : before.value(kpi, unit.code()).rank();
                Integer change = previousRank == null || v.rank() == null ? null : previousRank - v.rank();
                cells.add(new Overview.Cell(kpi.id(), unit.code(), v.value(), v.target(), v.completionRate(),
                        v.timeProgress(), v.gapPoints(), v.gapText(), v.status(), v.rank(), v.rankOf(), previousRank, change,
                        v.previousYearValue(), v.lastEventAt()));
            }
        }
        AlertList alertList = alerts.alerts(query, null, null);
        Map<String, Map<Alert.Severity, Integer>> byUnit = new LinkedHashMap<>();
        for (OrgUnit unit : units) {
            Map<Alert.Severity, Integer> counts = new EnumMap<>(Alert.Severity.class);
            for (Alert.Severity severity : Alert.Severity.values()) {
                counts.put(severity, 0);
            }
            byUnit.put(unit.code(), counts);
        }
        alertList.alerts().forEach(a -> byUnit.get(a.orgUnit()).merge(a.severity(), 1, Integer::sum));
        List<Overview.Reporting> owed = reporting.status(query.period().year(), query.asOf(), query.knownAt(), null, null,
                        null).units().stream()
                .map(u -> new Overview.Reporting(u.orgUnit(), u.due(), u.onTime(), u.late(), u.missing(), u.pending(),
                        u.onTimeRate()))
                .toList();
        return new Overview(query.period().year(), query.period().toString(), query.asOf(), cutoff, query.knownAt(),
                before == null ? null : earlier,
                units.stream().map(u -> new Overview.Unit(u.code(), u.name(), u.parent())).toList(),
                definitions, cells, new Overview.AlertCounts(alertList.counts(), byUnit), owed);
    }
}
