package io.citykpi.gateway.targets;

import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.period.Period;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The targets of one year, resolved for any KPI and unit: the unit's own target, or for counts and
 * sums the sum of the targets set below it (a city target may be explicit or the sum of its districts).
 */
public final class TargetBook {

    /**
     * @param covers  the units whose own targets make it up (the unit itself for an explicit target)
     * @param partial a sum of children's targets where some unit below has none: it covers only part of
     *                the unit, and is compared with the value of the units it covers
     */
    public record Resolved(TargetCurve curve, String source, List<String> covers, boolean partial) {
    }

    private final Map<String, KpiTarget> explicit;
    private final OrgUnitRegistry orgUnits;

    public TargetBook(int year, List<KpiTarget> targets, OrgUnitRegistry orgUnits) {
        this.orgUnits = orgUnits;
        Map<String, KpiTarget> map = new java.util.HashMap<>();
        targets.stream().filter(t -> t.year == year).forEach(t -> map.put(t.kpiId + "|" + t.orgUnit, t));
        this.explicit = map;
    }

    public Optional<Resolved> resolve(KpiDefinition kpi, String orgUnit) {
        KpiTarget own = explicit.get(kpi.id() + "|" + orgUnit);
        if (own != null) {
            return Optional.of(new Resolved(curve(own), "EXPLICIT", List.of(orgUnit), false));
        }
        if (!kpi.isAdditive()) {
            return Optional.empty();
        }
        List<TargetCurve> parts = new ArrayList<>();
        List<String> covers = new ArrayList<>();
        boolean partial = false;
        for (OrgUnit child : orgUnits.children(orgUnit)) {
            Optional<Resolved> part = resolve(kpi, child.code());
            if (part.isPresent()) {
                parts.add(part.get().curve());
                covers.addAll(part.get().covers());
                partial |= part.get().partial();
            } else {
                partial = true;
            }
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of(new Resolved(TargetCurve.sum(parts), "SUM_OF_CHILDREN", List.copyOf(covers), partial));
    }

    public static TargetCurve curve(KpiTarget target) {
        return TargetCurve.of(target.year, target.value, checkpoints(target.phasing));
    }

    static Map<LocalDate, BigDecimal> checkpoints(List<PhasePoint> phasing) {
        Map<LocalDate, BigDecimal> points = new TreeMap<>();
        if (phasing != null) {
            phasing.forEach(p -> points.put(Period.parse(p.period()).orElseThrow().end(), p.value()));
        }
        return points;
    }
}
