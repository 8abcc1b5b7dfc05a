package io.citykpi.gateway.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiReport", description = "KPIs for a year, as of a date, for the city and its units")
public record KpiReport(
        @Schema(example = "2025") int year,
        @Schema(description = "The date the values describe: the end of the year, or today if earlier (Asia/Shanghai)",
                example = "2025-12-31") LocalDate asOf,
        List<KpiResult> kpis) {

    @Schema(name = "KpiResult")
    public record KpiResult(
            @Schema(example = "projects.registered") String id,
            KpiDefinition.Names name,
            @Schema(example = "projects") String unit,
            @Schema(example = "COUNT") String aggregation,
            @Schema(example = "STOCK") String valueType,
            @Schema(description = "One value per organisation unit, the city first") List<KpiValue> values) {
    }

    @Schema(name = "KpiValue")
    public record KpiValue(
            @Schema(example = "220402") String orgUnit,
            @Schema(example = "龙山区") String orgUnitName,
            @Schema(description = "The value, in the KPI's unit", example = "45") BigDecimal value) {
    }
}
