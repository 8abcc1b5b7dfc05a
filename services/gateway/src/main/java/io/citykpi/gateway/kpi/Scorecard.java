package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.csv.CsvExport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "Every KPI of one unit with how many are ahead, on track or behind")
public record Scorecard(
        @Schema(example = "220421") String orgUnit,
        @Schema(example = "东丰县") String orgUnitName,
        @Schema(example = "2025") String period,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(example = "2025-06-30") LocalDate cutoff,
        @Schema(description = "KPIs per status", example = "{\"AHEAD\": 6, \"ON_TRACK\": 9, \"BEHIND\": 3, \"NO_TARGET\": 12, \"NO_DATA\": 0}")
        Map<Status, Integer> statusCounts,
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
