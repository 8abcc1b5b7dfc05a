package io.citykpi.gateway.kpi;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactCache;
import io.citykpi.gateway.facts.ProjectionGenerations;
import io.citykpi.gateway.targets.TargetService;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.time.BusinessTime;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Answers KPI questions: reads the facts a query may know from the active generation, runs the
 * engine for the window and for the same window a year earlier, and joins the year's targets.
 */
@ApplicationScoped
public class KpiService {

    private final KpiCatalogue catalogue;
    private final OrgUnitRegistry orgUnits;
    private final Instance<DomainMeasures> domainBeans;
    private final FactCache facts;
    private final ProjectionGenerations generations;
    private final TargetService targets;
    private final StatusRule rule;
    private final Clock clock;
    private KpiEngine engine;

    public KpiService(KpiCatalogue catalogue, OrgUnitRegistry orgUnits, @Any Instance<DomainMeasures> domainBeans,
                      FactCache facts, ProjectionGenerations generations, TargetService targets, StatusRule rule,
                      Clock clock) {
        this.catalogue = catalogue;
        this.orgUnits = orgUnits;
        this.domainBeans = domainBeans;
        this.facts = facts;
        this.generations = generations;
        this.targets = targets;
        this.rule = rule;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        List<DomainMeasures> domains = new ArrayList<>();
        domainBeans.forEach(domains::add);
        engine = new KpiEngine(catalogue.all(), orgUnits, domains);
    }

    /**
     * Reads the query parameters every KPI endpoint shares. A period wins over a year; a year alone
     * means the whole year; asOf defaults to today in Asia/Shanghai.
     */
    public KpiQuery query(Integer year, String period, LocalDate asOf, OffsetDateTime knownAt) {
        Period chosen;
        if (period != null && !period.isBlank()) {
            chosen = Period.parse(period).orElseThrow(() -> InvalidFieldsException.of("period", "Format", Period.FORMAT));
            if (year != null && year != chosen.year()) {
                throw InvalidFieldsException.of("year", "MatchesPeriod", "must be the year of period " + period);
            }
        } else if (year != null) {
            chosen = Period.year(year);
        } else {
            throw InvalidFieldsException.of("year", "NotNull", "give a year or a period");
        }
        if (chosen.year() < 2000 || chosen.year() > 2100) {
            throw InvalidFieldsException.of(period != null ? "period" : "year", "Range", "must lie between 2000 and 2100");
        }
        return new KpiQuery(chosen, asOf != null ? asOf : BusinessTime.today(clock), knownAt);
    }

    public KpiDefinition definition(String kpiId) {
        return catalogue.find(kpiId).orElseThrow(() -> ProblemException.notFound("KPI", kpiId));
    }

    public void requireUnit(String orgUnit) {
        if (!orgUnits.exists(orgUnit)) {
            throw ProblemException.notFound("organisation unit", orgUnit);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to compute the KPIs of a query", histogram = true)
    public KpiSnapshot snapshot(KpiQuery query) {
        return snapshot(query, domain -> true);
    }

    /** Only computes the domain of one KPI: enough for its detail, ranking and explanation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to compute the KPIs of a query", histogram = true)
    public KpiSnapshot snapshot(KpiQuery query, KpiDefinition only) {
        return snapshot(query, only.domain()::equals);
    }

    /** A snapshot of every KPI together with the facts it was computed from, for rules that look at both. */
    public record Evaluation(KpiSnapshot snapshot, List<Fact> facts) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Evaluation evaluate(KpiQuery query) {
        List<Fact> known = facts.load(generations.active(), query.window().end(), query.knownAt());
        return new Evaluation(snapshot(query, known, domain -> true), known);
    }

    /** One KPI's snapshot and its monthly series through the year, from one read of the facts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to compute the KPIs of a query", histogram = true)
    public Evaluation evaluate(KpiQuery query, KpiDefinition only) {
        LocalDate endOfYear = LocalDate.of(query.period().year(), 12, 31);
        List<Fact> known = engine.ofDomain(facts.load(generations.active(), endOfYear, query.knownAt()), only.domain());
        List<Fact> inWindow = known.stream().filter(f -> f.effectiveBy(query.window().end())).toList();
        return new Evaluation(snapshot(query, inWindow, only.domain()::equals), known);
    }

    private KpiSnapshot snapshot(KpiQuery query, Predicate<String> domains) {
        return snapshot(query, facts.load(generations.active(), query.window().end(), query.knownAt()), domains);
    }

    private KpiSnapshot snapshot(KpiQuery query, List<Fact> known, Predicate<String> domains) {
        Window window = query.window();
        Window lastYear = window.previousYear();
        List<Fact> knownLastYear = known.stream().filter(f -> f.effectiveBy(lastYear.end())).toList();
        return new KpiSnapshot(query, engine.compute(known, window, domains),
                engine.compute(knownLastYear, lastYear, domains), targets.book(window.year()), orgUnits, rule);
    }

    /**
     * The KPI month by month through the year up to the as-of date: each month alone and the year to
     * date, from the KPI's domain's facts effective up to the end of the year (see
     * {@link #evaluate(KpiQuery, KpiDefinition)}).
     */
    public List<KpiDetail.MonthPoint> series(KpiDefinition kpi, KpiQuery query, String orgUnit, List<Fact> known) {
        int year = query.period().year();
        List<KpiDetail.MonthPoint> points = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            java.time.YearMonth month = java.time.YearMonth.of(year, m);
            if (month.atDay(1).isAfter(query.asOf())) {
                break;
            }
            Window alone = new Window(Period.month(month), query.asOf());
            Window toDate = new Window(Period.year(year), month.atEndOfMonth().isBefore(query.asOf())
                    ? month.atEndOfMonth() : query.asOf());
            points.add(new KpiDetail.MonthPoint(month.toString(),
                    engine.compute(known, alone, kpi.domain()::equals).get(kpi.id(), orgUnit).value(kpi),
                    engine.compute(known, toDate, kpi.domain()::equals).get(kpi.id(), orgUnit).value(kpi)));
        }
        return points;
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
