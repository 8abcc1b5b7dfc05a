package io.citykpi.gateway.reference;

import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.figures.Figures;
import io.citykpi.gateway.period.Window;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns facts into KPI aggregates for every org unit: each domain's measures say what each record
 * contributes to which unit, and every contribution is added to its unit and all units above it.
 * Pure: no database, no clock, so the arithmetic is tested against hand-computed tables.
 */
public final class KpiEngine {

    private static final Logger LOG = Logger.getLogger(KpiEngine.class);

    private final List<KpiDefinition> definitions;
    private final OrgUnitRegistry orgUnits;
    private final List<DomainMeasures> domains;
    private final Map<String, List<OrgUnit>> chains = new HashMap<>();

    public KpiEngine(List<KpiDefinition> definitions, OrgUnitRegistry orgUnits, List<DomainMeasures> domains) {
        this.definitions = definitions;
        this.orgUnits = orgUnits;
        this.domains = domains;
        orgUnits.all().forEach(unit -> chains.put(unit.code(), List.copyOf(orgUnits.selfAndAncestors(unit.code()))));
    }

    /** The facts a domain's KPIs read (those its service published), in their order. */
    public List<Fact> ofDomain(List<Fact> facts, String domain) {
        Set<String> sources = domains.stream().filter(d -> d.domain().equals(domain))
                .map(DomainMeasures::source).collect(Collectors.toSet());
        return facts.stream().filter(f -> sources.contains(f.source())).toList();
    }

    public Results compute(List<Fact> facts, Window window) {
        return compute(facts, window, domain -> true);
    }

    /** Only the KPIs of the domains accepted by the filter (the others come out empty). */
    public Results compute(List<Fact> facts, Window window, java.util.function.Predicate<String> domainFilter) {
        Map<String, List<Fact>> bySource = new HashMap<>();
        facts.forEach(f -> bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f));
        Map<String, List<Contribution>> contributions = new HashMap<>();
        if (!window.notStarted()) {
            for (DomainMeasures domain : domains) {
                if (!domainFilter.test(domain.domain())) {
                    continue;
                }
                domain.compute(bySource.getOrDefault(domain.source(), List.of()), window)
                        .forEach((kpi, list) -> contributions.computeIfAbsent(kpi, k -> new ArrayList<>()).addAll(list));
            }
        }
        Map<String, Map<String, Aggregate>> byKpi = new HashMap<>();
        // One record's facts back several KPIs' contributions: find their newest recording time once.
        Map<List<Fact>, OffsetDateTime> newestOf = new IdentityHashMap<>();
        for (KpiDefinition definition : definitions) {
            Map<String, Aggregate> byUnit = new HashMap<>();
            orgUnits.all().forEach(unit -> byUnit.put(unit.code(), new Aggregate()));
            for (Contribution c : contributions.getOrDefault(definition.id(), List.of())) {
                List<OrgUnit> chain = chains.getOrDefault(c.orgUnit(), List.of());
                if (chain.isEmpty()) {
                    LOG.warnf("%s: %s %s belongs to unknown organisation unit %s; left out of the KPI",
                            definition.id(), c.record().kind(), c.record().id(), c.orgUnit());
                }
                OffsetDateTime newest = newestOf.computeIfAbsent(c.facts(), Aggregate::newest);
                chain.forEach(unit -> byUnit.get(unit.code()).add(c, newest));
            }
            byKpi.put(definition.id(), byUnit);
        }
        return new Results(window, byKpi);
    }

    /** Aggregates per KPI id and org-unit code, for one window. */
    public record Results(Window window, Map<String, Map<String, Aggregate>> byKpi) implements Figures {

        @Override
        public Figure get(String kpiId, String orgUnit) {
            Aggregate aggregate = byKpi.getOrDefault(kpiId, Map.of()).get(orgUnit);
            return aggregate == null ? Figure.NONE : aggregate.figure();
        }

        @Override
        public List<Contribution> contributions(String kpiId, String orgUnit) {
            Aggregate aggregate = byKpi.getOrDefault(kpiId, Map.of()).get(orgUnit);
            return aggregate == null ? List.of() : aggregate.contributions();
        }
    }
}
