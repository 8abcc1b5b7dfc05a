package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.csv.CsvExport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiReport", description = "Every KPI of the catalogue for one org unit and period")
public record KpiReport(
        @Schema(example = "2025") int year,
        @Schema(description = "2025, 2025Q2 or 2025-05", example = "2025") String period,
        @Schema(example = "2025-01-01") LocalDate periodStart,
        @Schema(example = "2025-12-31") LocalDate periodEnd,
        @Schema(description = "The business date asked for (default today, Asia/Shanghai)", example = "2025-06-30") LocalDate asOf,
        @Schema(description = "The day values are read on: asOf or the period's end, whichever is earlier", example = "2025-06-30")
        LocalDate cutoff,
        @Schema(description = "Only events recorded by then were used; null = everything known now") OffsetDateTime knownAt,
        @Schema(example = "220400") String orgUnit,
        @Schema(example = "辽源市") String orgUnitName,
        List<KpiValue> kpis) implements CsvExport {

    @Override
    public List<String> csvHeader() {
        return KpiValue.CSV_HEADER;
    }

    @Override
    public List<List<?>> csvRows() {
        return kpis.stream().<List<?>>map(KpiValue::csvRow).toList();
    }
}
