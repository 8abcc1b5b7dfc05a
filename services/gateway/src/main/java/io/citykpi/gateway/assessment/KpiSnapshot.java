package io.citykpi.gateway.assessment;

import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.figures.Figures;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.targets.TargetBook;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KPIs of one query, this year and the same window a year earlier, with the year's targets:
 * everything needed to say, for any KPI and unit, the value and what it means. Pure.
 */
public final class KpiSnapshot {

    private final KpiQuery query;
    private final Figures current;
    private final Figures previousYear;
    private final TargetBook targets;
    private final OrgUnitRegistry orgUnits;
    private final StatusRule rule;

    public KpiSnapshot(KpiQuery query, Figures current, Figures previousYear, TargetBook targets,
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

    public Figure figure(String kpiId, String orgUnit) {
        return current.get(kpiId, orgUnit);
    }

    /** The records behind a unit's figure (read from the ledger only when asked for). */
    public List<Contribution> contributions(String kpiId, String orgUnit) {
        return current.contributions(kpiId, orgUnit);
    }

    public KpiValue value(KpiDefinition kpi, String orgUnit) {
        OrgUnit unit = orgUnits.find(orgUnit).orElseThrow();
        Figure figure = current.get(kpi.id(), orgUnit);
        BigDecimal value = figure.value(kpi);
        BigDecimal exact = figure.exactValue(kpi);
        Optional<TargetBook.Resolved> target = targets.resolve(kpi, orgUnit);
        // A target that covers only some units below is compared with their value, like with like.
        boolean partial = target.isPresent() && target.get().partial();
        BigDecimal compared = partial ? coveredValue(kpi, target.get().covers()) : exact;
        // Rounded only for display: completion, gaps, ranks and changes come from the exact value.
        Assessment assessment = Assessment.assess(kpi, compared, target.map(TargetBook.Resolved::curve).orElse(null),
                query.window(), rule);

        Integer rank = null;
        Integer rankOf = null;
        if (unit.parent() != null) {
            Map<String, BigDecimal> siblings = new LinkedHashMap<>();
            orgUnits.children(unit.parent()).forEach(s -> siblings.put(s.code(),
                    current.get(kpi.id(), s.code()).exactValue(kpi)));
            Map<String, Integer> ranks = Ranking.rank(siblings, kpi.lowerIsBetter());
            rank = ranks.get(orgUnit);
            rankOf = ranks.size();
        }

        Figure lastYear = previousYear.get(kpi.id(), orgUnit);
        BigDecimal previous = lastYear.value(kpi);
        BigDecimal previousExact = lastYear.exactValue(kpi);
        BigDecimal exactChange = exact != null && previousExact != null ? exact.subtract(previousExact) : null;
        BigDecimal change = exactChange == null ? null
                : kpi.isRatio() ? exactChange.setScale(2, RoundingMode.HALF_UP) : exactChange;
        BigDecimal changePercent = exactChange != null && !kpi.isRatio() && previousExact.signum() != 0
                ? exactChange.multiply(BigDecimal.valueOf(100)).divide(previousExact, 2, RoundingMode.HALF_UP) : null;

        return new KpiValue(kpi.id(), kpi.name(), kpi.unit(), orgUnit, unit.name(), value,
                money(figure.numerator()), kpi.isRatio() ? money(figure.denominator()) : null,
                assessment.target(), target.map(TargetBook.Resolved::source).orElse(null),
                assessment.completionRate(), assessment.timeProgress(), assessment.gapPoints(),
                assessment.gapText(kpi), assessment.status(), rank, rankOf, previous, change, changePercent,
                figure.records(), figure.newestEventAt(),
                partial ? target.get().covers() : null, partial ? compared : null);
    }

    /** The value of the units a partial target covers (only counts and sums have such targets). */
    private BigDecimal coveredValue(KpiDefinition kpi, List<String> units) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String unit : units) {
            sum = sum.add(current.get(kpi.id(), unit).numerator());
        }
        return sum;
    }

    /** Sums of planned amounts phased by month carry more decimals than money has. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.scale() > 2 ? amount.setScale(2, RoundingMode.HALF_UP) : amount;
    }
}
