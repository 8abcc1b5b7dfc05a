package io.citykpi.gateway.kpi;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactCache;
import io.citykpi.gateway.facts.KnownFacts;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers KPI questions: reads the facts a query may know from the active generation, runs the
 * engine for the window and for the same window a year earlier, and joins the year's targets.
 */
@ApplicationScoped
public class KpiService {

    private static final String ALL_DOMAINS = "*";
    /** Engine results hold every contribution (a few MB at 100,000 facts); a series is a dozen numbers. */
    private static final int RESULTS_REMEMBERED = 16;
    private static final int SERIES_REMEMBERED = 256;

    private final KpiCatalogue catalogue;
    private final OrgUnitRegistry orgUnits;
    private final Instance<DomainMeasures> domainBeans;
    private final FactCache facts;
    private final ProjectionGenerations generations;
    private final TargetService targets;
    private final StatusRule rule;
    private final Clock clock;
    private KpiEngine engine;
    private final RecentResults<ResultKey, KpiEngine.Results> results = new RecentResults<>(RESULTS_REMEMBERED);
    private final RecentResults<SeriesKey, List<KpiDetail.MonthPoint>> series = new RecentResults<>(SERIES_REMEMBERED);

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
        return snapshot(query, load(query, query.window().end()), ALL_DOMAINS);
    }

    /** Only computes the domain of one KPI: enough for its detail, ranking and explanation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to compute the KPIs of a query", histogram = true)
    public KpiSnapshot snapshot(KpiQuery query, KpiDefinition only) {
        return snapshot(query, load(query, query.window().end()), only.domain());
    }

    /** A snapshot together with the facts it was computed from, for rules and series that look at both. */
    public record Evaluation(KpiSnapshot snapshot, KnownFacts known) {

        public List<Fact> facts() {
            return known.facts();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Evaluation evaluate(KpiQuery query) {
        KnownFacts known = load(query, query.window().end());
        return new Evaluation(snapshot(query, known, ALL_DOMAINS), known);
    }

    /** One KPI's snapshot, with its domain's facts up to the end of the year for its monthly series. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to compute the KPIs of a query", histogram = true)
    public Evaluation evaluate(KpiQuery query, KpiDefinition only) {
        KnownFacts known = load(query, LocalDate.of(query.period().year(), 12, 31));
        KnownFacts ofDomain = new KnownFacts(engine.ofDomain(known.facts(), only.domain()), known.revision());
        return new Evaluation(snapshot(query, ofDomain, only.domain()), ofDomain);
    }

    private KnownFacts load(KpiQuery query, LocalDate effectiveUpTo) {
        return facts.load(generations.active(), effectiveUpTo, query.knownAt());
    }

    private KpiSnapshot snapshot(KpiQuery query, KnownFacts known, String domain) {
        Window window = query.window();
        Window lastYear = window.previousYear();
        return new KpiSnapshot(query, compute(known, query, window, domain), compute(known, query, lastYear, domain),
                targets.book(window.year()), orgUnits, rule);
    }

    /**
     * The engine's results for a window from the known facts effective up to its end; remembered
     * while the facts stay the same (the targets are joined afterwards, so they are always current).
     */
    private KpiEngine.Results compute(KnownFacts known, KpiQuery query, Window window, String domain) {
        ResultKey key = known.revision() == null ? null
                : new ResultKey(known.revision(), instant(query.knownAt()), window, domain);
        return results.get(key, () -> engine.compute(
                known.facts().stream().filter(f -> f.effectiveBy(window.end())).toList(), window,
                ALL_DOMAINS.equals(domain) ? d -> true : domain::equals));
    }

    private record ResultKey(KnownFacts.Revision revision, Instant knownAt, Window window, String domain) {
    }

    private record SeriesKey(KnownFacts.Revision revision, String kpiId, Period period, LocalDate asOf,
                             Instant knownAt, String orgUnit) {
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * The KPI month by month through the year up to the as-of date: each month alone and the year to
     * date, from the facts of {@link #evaluate(KpiQuery, KpiDefinition)} (its domain, up to the end of
     * the year).
     */
    public List<KpiDetail.MonthPoint> series(KpiDefinition kpi, KpiQuery query, String orgUnit, Evaluation evaluation) {
        KnownFacts known = evaluation.known();
        SeriesKey key = known.revision() == null ? null : new SeriesKey(known.revision(), kpi.id(), query.period(),
                query.asOf(), instant(query.knownAt()), orgUnit);
        return series.get(key, () -> computeSeries(kpi, query, orgUnit, known.facts()));
    }

    private List<KpiDetail.MonthPoint> computeSeries(KpiDefinition kpi, KpiQuery query, String orgUnit,
                                                     List<Fact> known) {
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
        return List.copyOf(points);
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
