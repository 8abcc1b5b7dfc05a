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
                money(figure.numerator()), kpi.isRatio() ? money(figure.denominator()) : null,
                assessment.target(), target.map(TargetBook.Resolved::source).orElse(null),
                assessment.completionRate(), assessment.timeProgress(), assessment.gapPoints(),
                assessment.gapText(kpi), assessment.status(), rank, rankOf, previous, change, changePercent,
                figure.records(), figure.newestEventAt());
    }

    /** Sums of planned amounts phased by month carry more decimals than money has. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.scale() > 2 ? amount.setScale(2, RoundingMode.HALF_UP) : amount;
    }
}
