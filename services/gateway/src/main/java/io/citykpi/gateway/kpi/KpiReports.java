package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.assessment.Ranking;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.query.LedgerQueries;
import io.citykpi.gateway.query.SourceLinks;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.problem.InvalidFieldsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shapes snapshots into the API's reports: per unit, per KPI, rankings, scorecards, explanations. */
@ApplicationScoped
public class KpiReports {

    private final KpiService service;
    private final SourceLinks links;

    public KpiReports(KpiService service, SourceLinks links) {
        this.service = service;
        this.links = links;
    }

    public KpiReport report(KpiQuery query, String orgUnit) {
        KpiSnapshot snapshot = service.snapshot(query);
        List<KpiValue> values = service.definitions().stream().map(kpi -> snapshot.value(kpi, orgUnit)).toList();
        Window w = query.window();
        return new KpiReport(query.period().year(), query.period().toString(), w.start(), w.end(), query.asOf(),
                w.cutoff(), query.knownAt(), orgUnit, name(orgUnit), values);
    }

    public Scorecard scorecard(KpiQuery query, String orgUnit) {
        KpiReport report = report(query, orgUnit);
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        report.kpis().forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return new Scorecard(orgUnit, report.orgUnitName(), report.period(), report.asOf(), report.cutoff(), counts,
                report.kpis());
    }

    public KpiDetail detail(KpiDefinition kpi, KpiQuery query) {
        KpiSnapshot snapshot = service.snapshot(query, kpi);
        String city = service.orgUnits().root().code();
        List<KpiValue> units = belowCity().stream().map(u -> snapshot.value(kpi, u.code()))
                .sorted(byRank()).toList();
        Map<String, List<KpiService.MonthPoint>> series = service.series(kpi, query);
        List<KpiDetail.UnitSeries> byUnit = new ArrayList<>();
        for (OrgUnit unit : service.orgUnits().all()) {
            byUnit.add(new KpiDetail.UnitSeries(unit.code(), unit.name(), points(series.get(unit.code()))));
        }
        return new KpiDetail(kpi, query.period().toString(), query.asOf(), query.window().cutoff(),
                snapshot.value(kpi, city), units, points(series.get(city)), byUnit);
    }

    private static List<KpiDetail.MonthPoint> points(List<KpiService.MonthPoint> points) {
        return points.stream().map(p -> new KpiDetail.MonthPoint(p.month(), p.value(), p.yearToDate())).toList();
    }

    public RankingTable ranking(KpiDefinition kpi, KpiQuery query, RankBy rankBy) {
        if (rankBy == RankBy.COMPLETION && kpi.lowerIsBetter()) {
            throw InvalidFieldsException.of("rankBy", "HigherIsBetterOnly", kpi.id()
                    + " has a ceiling, not a completion rate; rank it by VALUE");
        }
        KpiSnapshot snapshot = service.snapshot(query, kpi);
        List<KpiValue> values = belowCity().stream().map(u -> snapshot.value(kpi, u.code())).toList();
        Map<String, Integer> ranks = new HashMap<>();
        if (rankBy == RankBy.COMPLETION) {
            Map<String, BigDecimal> completion = new LinkedHashMap<>();
            values.forEach(v -> completion.put(v.orgUnit(), v.completionRate()));
            ranks.putAll(Ranking.rank(completion, false));
        } else {
            values.stream().filter(v -> v.rank() != null).forEach(v -> ranks.put(v.orgUnit(), v.rank()));
        }
        List<RankingTable.Row> rows = values.stream()
                .map(v -> new RankingTable.Row(ranks.get(v.orgUnit()), v.orgUnit(), v.orgUnitName(), v.value(),
                        v.unit(), v.completionRate(), v.status()))
                .sorted(Comparator.comparing(RankingTable.Row::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RankingTable.Row::orgUnit))
                .toList();
        return new RankingTable(kpi.id(), kpi.name(), kpi.direction(), rankBy, query.period().toString(),
                query.asOf(), query.window().cutoff(), rows);
    }

    /** The value and a page of the records behind it, each with the events it was built from. */
    public KpiExplanation explain(KpiDefinition kpi, KpiQuery query, String orgUnit, int page, int size) {
        KpiSnapshot snapshot = service.snapshot(query, kpi);
        Figure figure = snapshot.figure(kpi.id(), orgUnit);
        LedgerQueries.ContributionPage contributions = service.ledger().page(kpi.id(), orgUnit, query.window(),
                query.knownAt(), page * size, size);
        List<KpiExplanation.Item> items = contributions.contributions().stream()
                .map(c -> new KpiExplanation.Item(c.orgUnit(), c.record().kind(), c.record().id(), c.record().label(),
                        c.numerator(), kpi.isRatio() ? c.denominator() : null,
                        links.link(c.record().source(), c.record().path()),
                        RecordResource.path(c.record().kind(), c.record().id()),
                        c.facts().stream().sorted(Fact.HISTORY_ORDER).map(KpiReports::event).toList()))
                .toList();
        KpiValue value = snapshot.value(kpi, orgUnit);
        return new KpiExplanation(kpi, orgUnit, name(orgUnit), query.period().toString(), query.asOf(),
                query.window().cutoff(), query.knownAt(), value.value(), value.numerator(), value.denominator(),
                figure.newestEventAt(), page, size, contributions.total(), items);
    }

    /** The unit's value split by a record attribute the catalogue lists for the KPI. */
    public KpiBreakdown breakdown(KpiDefinition kpi, KpiQuery query, String orgUnit, String by) {
        List<String> allowed = kpi.breakdowns() == null ? List.of() : kpi.breakdowns();
        if (by == null || !allowed.contains(by)) {
            throw InvalidFieldsException.of("by", "OneOf", allowed.isEmpty() ? kpi.id() + " has no breakdown"
                    : "must be one of " + String.join(", ", allowed) + " for " + kpi.id());
        }
        KpiSnapshot snapshot = service.snapshot(query, kpi);
        Figure total = snapshot.figure(kpi.id(), orgUnit);
        List<KpiBreakdown.Group> groups = new ArrayList<>();
        service.ledger().breakdown(kpi.id(), orgUnit, query.window(), query.knownAt(), by).forEach((key, figure) -> {
            BigDecimal share = kpi.isRatio() || total.numerator().signum() == 0 ? null
                    : figure.numerator().multiply(BigDecimal.valueOf(100))
                    .divide(total.numerator(), 2, java.math.RoundingMode.HALF_UP);
            groups.add(new KpiBreakdown.Group(key, figure.value(kpi), figure.numerator(),
                    kpi.isRatio() ? figure.denominator() : null, share, figure.records()));
        });
        groups.sort(Comparator.comparing(KpiBreakdown.Group::value, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(KpiBreakdown.Group::key));
        return new KpiBreakdown(kpi.id(), kpi.unit(), orgUnit, name(orgUnit), by, query.period().toString(),
                query.asOf(), query.window().cutoff(), query.knownAt(), total.value(kpi), groups);
    }

    private static KpiExplanation.SourceEvent event(Fact f) {
        return new KpiExplanation.SourceEvent(f.eventId(), f.type(), f.source(), f.effectiveDate(), f.recordedAt());
    }

    private List<OrgUnit> belowCity() {
        return service.orgUnits().children(service.orgUnits().root().code());
    }

    private static Comparator<KpiValue> byRank() {
        return Comparator.comparing(KpiValue::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(KpiValue::orgUnit);
    }

    private String name(String orgUnit) {
        return service.orgUnits().find(orgUnit).map(OrgUnit::name).orElse(orgUnit);
    }
}
