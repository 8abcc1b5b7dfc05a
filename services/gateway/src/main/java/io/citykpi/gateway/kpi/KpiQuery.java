package io.citykpi.gateway.kpi;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a KPI question asks: a period, the business date to read it on, and optionally the moment
 * whose knowledge to use (only events recorded by then), to reproduce a past bulletin exactly.
 */
public record KpiQuery(Period period, LocalDate asOf, OffsetDateTime knownAt) {

    public Window window() {
        return new Window(period, asOf);
    }
}
