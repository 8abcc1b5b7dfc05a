package io.citykpi.gateway.kpi;

import io.citykpi.shared.orgunit.OrgUnit;
import io.micrometer.core.annotation.Timed;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Computes the catalogue's KPIs for a year and rolls them up the org-unit tree. */
@ApplicationScoped
public class KpiService {

    private static final Logger LOG = Logger.getLogger(KpiService.class);

    private final KpiCatalogue catalogue;
    private final OrgUnitRegistry orgUnits;
    private final Instance<Measure> measures;
    private final Clock clock;

    public KpiService(KpiCatalogue catalogue, OrgUnitRegistry orgUnits, @Any Instance<Measure> measures, Clock clock) {
        this.catalogue = catalogue;
        this.orgUnits = orgUnits;
        this.measures = measures;
        this.clock = clock;
    }

    /** The end of the year, or today if that is earlier: the date a stock is read on. */
    public LocalDate asOf(int year) {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate today = BusinessTime.today(clock);
        return endOfYear.isBefore(today) ? endOfYear : today;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to compute a KPI report", histogram = true)
    public KpiReport report(int year, String orgUnit) {
        LocalDate asOf = asOf(year);
        List<KpiReport.KpiResult> results = new ArrayList<>();
        for (Measure measure : measures) {
            KpiDefinition definition = catalogue.find(measure.kpiId())
                    .orElseThrow(() -> new IllegalStateException("measure for " + measure.kpiId() + " is not in the catalogue"));
            Map<String, BigDecimal> rolledUp = rollUp(measure.byOrgUnit(asOf));
            List<KpiReport.KpiValue> values = orgUnits.all().stream()
                    .filter(unit -> orgUnit == null || unit.code().equals(orgUnit))
                    .map(unit -> new KpiReport.KpiValue(unit.code(), unit.name(),
                            rolledUp.getOrDefault(unit.code(), BigDecimal.ZERO)))
                    .toList();
            results.add(new KpiReport.KpiResult(definition.id(), definition.name(), definition.unit(),
                    definition.aggregation(), definition.valueType(), values));
        }
        results.sort((a, b) -> a.id().compareTo(b.id()));
        return new KpiReport(year, asOf, results);
    }

    /** Adds each unit's own value to itself and every ancestor. */
    private Map<String, BigDecimal> rollUp(Map<String, BigDecimal> own) {
        Map<String, BigDecimal> total = new HashMap<>();
        own.forEach((code, value) -> {
            List<OrgUnit> chain = orgUnits.selfAndAncestors(code);
            if (chain.isEmpty()) {
                LOG.warnf("Value %s recorded for unknown organisation unit %s left out of the roll-up", value, code);
            }
            chain.forEach(unit -> total.merge(unit.code(), value, BigDecimal::add));
        });
        return total;
    }
}
