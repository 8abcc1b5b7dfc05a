package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.gateway.query.KpiQuery;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every KPI endpoint shares; {@link KpiService#query} reads them into a {@link KpiQuery}. */
public class KpiQueryParams {

    @Parameter(description = "Calendar year of the work report (or give period)", example = "2025")
    @QueryParam("year")
    Integer year;

    @Parameter(description = "2025 (year), 2025Q2 (quarter) or 2025-05 (month); wins over year", example = "2025Q2")
    @QueryParam("period")
    String period;

    @Parameter(description = "Business date to read the KPIs on (Asia/Shanghai); facts effective after it are left out. "
            + "Default today", example = "2025-06-30")
    @QueryParam("asOf")
    LocalDate asOf;

    @Parameter(description = "Use only events recorded by this moment (RFC 3339), to reproduce a past bulletin exactly. "
            + "Default: everything known now", example = "2025-07-05T18:00:00+08:00")
    @QueryParam("knownAt")
    OffsetDateTime knownAt;

    KpiQuery read(KpiService service) {
        return service.query(year, period, asOf, knownAt);
    }
}
