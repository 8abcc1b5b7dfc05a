package io.citykpi.gateway.kpi;

import io.citykpi.gateway.targets.TargetBook;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The KPIs of one query, this year and the same window a year earlier, with the year's targets:
 * everything needed to say, for any KPI and unit, the value and what it means. Pure.
 */
public final class KpiSnapshot {

    private final KpiQuery query;
    private final KpiEngine.Results current;
    private final KpiEngine.Results previousYear;
    private final TargetBook targets;
    private final OrgUnitRegistry orgUnits;
    private final StatusRule rule;

    public KpiSnapshot(KpiQuery query, KpiEngine.Results current, KpiEngine.Results previousYear, TargetBook targets,
                       OrgUnitRegistry orgUnits, StatusRule rule) {
        this.query = query;
        this.current = current;
        this.previousYear = previousYear;
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.rule = rule;
    }

    public KpiQuery query() {
        return query;
    }

    public Aggregate aggregate(String kpiId, String orgUnit) {
        return current.get(kpiId, orgUnit);
    }

    public KpiValue value(KpiDefinition kpi, String orgUnit) {
        OrgUnit unit = orgUnits.find(orgUnit).orElseThrow();
        Aggregate aggregate = current.get(kpi.id(), orgUnit);
        BigDecimal value = aggregate.value(kpi);
        Optional<TargetBook.Resolved> target = targets.resolve(kpi, orgUnit);
        Assessment assessment = Assessment.assess(kpi, value, target.map(TargetBook.Resolved::curve).orElse(null),
                query.window(), rule);

        Integer rank = null;
        Integer rankOf = null;
        if (unit.parent() != null) {
            Map<String, BigDecimal> siblings = new LinkedHashMap<>();
            orgUnits.children(unit.parent()).forEach(s -> siblings.put(s.code(), current.get(kpi.id(), s.code()).value(kpi)));
            Map<String, Integer> ranks = Ranking.rank(siblings, kpi.lowerIsBetter());
            rank = ranks.get(orgUnit);
            rankOf = ranks.size();
        }

        BigDecimal previous = previousYear.get(kpi.id(), orgUnit).value(kpi);
        BigDecimal change = value != null && previous != null ? value.subtract(previous) : null;
        BigDecimal changePercent = change != null && !kpi.isRatio() && previous.signum() != 0
                ? change.multiply(BigDecimal.valueOf(100)).divide(previous, 2, RoundingMode.HALF_UP) : null;

        return new KpiValue(kpi.id(), kpi.name(), kpi.unit(), orgUnit, unit.name(), value,
                money(aggregate.numerator()), kpi.isRatio() ? money(aggregate.denominator()) : null,
                assessment.target(), target.map(TargetBook.Resolved::source).orElse(null),
                assessment.completionRate(), assessment.timeProgress(), assessment.gapPoints(),
                assessment.gapText(kpi), assessment.status(), rank, rankOf, previous, change, changePercent,
                aggregate.contributions().size(), aggregate.newestEventAt());
    }

    /** Sums of planned amounts phased by month carry more decimals than money has. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.scale() > 2 ? amount.setScale(2, RoundingMode.HALF_UP) : amount;
    }
}
