package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.csv.CsvExport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ranking", description = "The units below the city ranked on one KPI, best first (direction-aware)")
public record RankingTable(
        @Schema(example = "safety.hazards-overdue") String kpiId,
        KpiDefinition.Names name,
        @Schema(example = "HIGHER_IS_BETTER") String direction,
        @Schema(description = "What the units are ranked on", example = "VALUE") RankBy rankedBy,
        @Schema(example = "2025") String period,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(example = "2025-06-30") LocalDate cutoff,
        List<Row> rankings) implements CsvExport {

    @Schema(name = "RankingRow")
    public record Row(
            @Schema(description = "1 = best; ties share a rank; null when there is no value", example = "1") Integer rank,
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "东丰县") String orgUnitName,
            @Schema(example = "0") BigDecimal value,
            @Schema(example = "hazards") String unit,
            BigDecimal completionRate,
            Status status) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("rank", "orgUnit", "orgUnitName", "value", "unit", "completionRate", "status");
    }

    @Override
    public List<List<?>> csvRows() {
        return rankings.stream().<List<?>>map(r -> Arrays.asList(r.rank(), r.orgUnit(), r.orgUnitName(), r.value(),
                r.unit(), r.completionRate(), r.status())).toList();
    }
}
