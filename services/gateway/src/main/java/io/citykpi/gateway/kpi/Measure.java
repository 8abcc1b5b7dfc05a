package io.citykpi.gateway.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Computes one additive KPI from the projections: the value recorded against each organisation unit
 * as of a date. {@link KpiService} rolls the values up the org-unit tree by adding them.
 */
public interface Measure {

    String kpiId();

    Map<String, BigDecimal> byOrgUnit(LocalDate asOf);
}
