package io.citykpi.gateway.assessment;

import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.figures.Figures;
import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.query.LedgerQueries;
import io.citykpi.gateway.targets.TargetService;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers KPI questions: reads the figures of the window and of the same window a year earlier from
 * the ledger, and joins the year's targets (assessment: completion, time progress, status, rank).
 */
@ApplicationScoped
public class KpiService {

    private final KpiCatalogue catalogue;
    private final OrgUnitRegistry orgUnits;
    private final LedgerQueries ledger;
    private final TargetService targets;
    private final StatusRule rule;
    private final Clock clock;

    public KpiService(KpiCatalogue catalogue, OrgUnitRegistry orgUnits, LedgerQueries ledger, TargetService targets,
                      StatusRule rule, Clock clock) {
        this.catalogue = catalogue;
        this.orgUnits = orgUnits;
        this.ledger = ledger;
        this.targets = targets;
        this.rule = rule;
        this.clock = clock;
    }

    /** Reads the query parameters every KPI endpoint shares (see {@link KpiQuery#of}). */
    public KpiQuery query(Integer year, String period, LocalDate asOf, OffsetDateTime knownAt) {
        return KpiQuery.of(year, period, asOf, knownAt, clock);
    }

    public KpiDefinition definition(String kpiId) {
        return catalogue.find(kpiId).orElseThrow(() -> ProblemException.notFound("KPI", kpiId));
    }

    public void requireUnit(String orgUnit) {
        if (!orgUnits.exists(orgUnit)) {
            throw ProblemException.notFound("organisation unit", orgUnit);
        }
    }

    /** Every KPI of every unit for the query. */
    public KpiSnapshot snapshot(KpiQuery query) {
        return snapshot(query, (Set<String>) null);
    }

    /** One KPI of every unit: enough for its detail, ranking and explanation. */
    public KpiSnapshot snapshot(KpiQuery query, KpiDefinition only) {
        return snapshot(query, Set.of(only.id()));
    }

    private KpiSnapshot snapshot(KpiQuery query, Set<String> kpiIds) {
        Window window = query.window();
        Window lastYear = window.previousYear();
        Map<Window, Figures> figures = ledger.figures(List.of(window, lastYear), query.knownAt(), kpiIds);
        return new KpiSnapshot(query, figures.get(window), figures.get(lastYear),
                targets.book(window.year(), query.knownAt()), orgUnits, rule);
    }

    /** A month of a KPI's series: the month alone and the year to date. */
    public record MonthPoint(String month, java.math.BigDecimal value, java.math.BigDecimal yearToDate) {
    }

    /**
     * One KPI month by month through the year up to the as-of date, for every unit: each month alone and
     * the year to date, all from one read of the ledger.
     */
    public Map<String, List<MonthPoint>> series(KpiDefinition kpi, KpiQuery query) {
        int year = query.period().year();
        List<Window> windows = new ArrayList<>();
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (month.atDay(1).isAfter(query.asOf())) {
                break;
            }
            months.add(month);
            windows.add(new Window(Period.month(month), query.asOf()));
            windows.add(new Window(Period.year(year), month.atEndOfMonth().isBefore(query.asOf())
                    ? month.atEndOfMonth() : query.asOf()));
        }
        Map<Window, Figures> figures = ledger.figures(windows, query.knownAt(), Set.of(kpi.id()));
        Map<String, List<MonthPoint>> byUnit = new LinkedHashMap<>();
        for (OrgUnit unit : orgUnits.all()) {
            List<MonthPoint> points = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                points.add(new MonthPoint(months.get(i).toString(),
                        figures.get(windows.get(2 * i)).get(kpi.id(), unit.code()).value(kpi),
                        figures.get(windows.get(2 * i + 1)).get(kpi.id(), unit.code()).value(kpi)));
            }
            byUnit.put(unit.code(), List.copyOf(points));
        }
        return byUnit;
    }

    public LedgerQueries ledger() {
        return ledger;
    }

    public KpiCatalogue.Document catalogue() {
        return catalogue.document();
    }

    public List<KpiDefinition> definitions() {
        return catalogue.all();
    }

    public OrgUnitRegistry orgUnits() {
        return orgUnits;
    }
}
