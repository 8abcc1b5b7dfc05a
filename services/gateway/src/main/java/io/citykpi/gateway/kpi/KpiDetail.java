package io.citykpi.gateway.kpi;

import io.citykpi.gateway.csv.CsvExport;
import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiDetail", description = "One KPI for the city and every unit below it, with the monthly series of every unit")
public record KpiDetail(
        KpiDefinition definition,
        @Schema(example = "2025Q2") String period,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(example = "2025-06-30") LocalDate cutoff,
        KpiValue city,
        @Schema(description = "The units below the city, best first") List<KpiValue> units,
        @Schema(description = "The city month by month up to the as-of date") List<MonthPoint> series,
        @Schema(description = "Every unit (the city first) month by month up to the as-of date") List<UnitSeries> unitSeries)
        implements CsvExport {

    @Schema(name = "KpiUnitSeries")
    public record UnitSeries(
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "东丰县") String orgUnitName,
            List<MonthPoint> points) {
    }

    @Schema(name = "KpiMonthPoint")
    public record MonthPoint(
            @Schema(example = "2025-05") String month,
            @Schema(description = "The month alone (a stock: its value at the month's end)", example = "1250.00")
            BigDecimal value,
            @Schema(description = "January up to the end of the month (or the as-of date)", example = "5320.50")
            BigDecimal yearToDate) {
    }

    @Override
    public List<String> csvHeader() {
        return KpiValue.CSV_HEADER;
    }

    @Override
    public List<List<?>> csvRows() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(city), units.stream())
                .<List<?>>map(KpiValue::csvRow).toList();
    }
}
