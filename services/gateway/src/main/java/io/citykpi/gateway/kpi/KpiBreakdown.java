package io.citykpi.gateway.kpi;

import io.citykpi.gateway.csv.CsvExport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiBreakdown", description = "One KPI of a unit split by an attribute of the records behind it")
public record KpiBreakdown(
        @Schema(example = "projects.investment-completed") String kpiId,
        @Schema(example = "万元") String unit,
        @Schema(example = "220400") String orgUnit,
        @Schema(example = "辽源市") String orgUnitName,
        @Schema(description = "The attribute grouped by", example = "sector") String by,
        @Schema(example = "2025") String period,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(example = "2025-06-30") LocalDate cutoff,
        OffsetDateTime knownAt,
        @Schema(description = "The unit's value (all groups together)", example = "48210.50") BigDecimal value,
        @Schema(description = "Largest value first") List<Group> groups) implements CsvExport {

    @Schema(name = "KpiBreakdownGroup")
    public record Group(
            @Schema(description = "The attribute's value (a sector, a case type...); empty when records lack it",
                    example = "NEW_MATERIALS") String key,
            @Schema(description = "The KPI over this group's records, in the KPI's unit", example = "21300.00") BigDecimal value,
            @Schema(example = "21300.00") BigDecimal numerator,
            @Schema(description = "Ratios only") BigDecimal denominator,
            @Schema(description = "Share of the unit's numerator, percent (counts and sums)", example = "44.18")
            BigDecimal sharePercent,
            @Schema(example = "7") long contributingRecords) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("kpiId", "orgUnit", "by", "key", "value", "numerator", "denominator", "sharePercent",
                "contributingRecords");
    }

    @Override
    public List<List<?>> csvRows() {
        return groups.stream().<List<?>>map(g -> Arrays.asList(kpiId, orgUnit, by, g.key(), g.value(), g.numerator(),
                g.denominator(), g.sharePercent(), g.contributingRecords())).toList();
    }
}
