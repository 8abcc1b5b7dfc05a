package io.citykpi.gateway.assessment;

import io.citykpi.gateway.catalogue.KpiDefinition;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One KPI for one org unit and period, with everything a bulletin says about it. */
@Schema(name = "KpiValue")
public record KpiValue(
        @Schema(example = "projects.start-rate") String id,
        KpiDefinition.Names name,
        @Schema(example = "%") String unit,
        @Schema(example = "220471") String orgUnit,
        @Schema(example = "辽源高新技术产业开发区") String orgUnitName,
        @Schema(description = "The value in the KPI's unit; null for a ratio with nothing in its denominator", example = "45.45")
        BigDecimal value,
        @Schema(description = "Σ numerator over the unit and the units below it", example = "5") BigDecimal numerator,
        @Schema(description = "Σ denominator (ratios only)", example = "11") BigDecimal denominator,
        @Schema(description = "The target for the period, in the KPI's unit (for a flow in a quarter or month: the year's "
                + "target phased into it)", example = "100") BigDecimal target,
        @Schema(description = "EXPLICIT or SUM_OF_CHILDREN", example = "EXPLICIT") String targetSource,
        @Schema(description = "完成率: value ÷ target × 100, percent", example = "45.45") BigDecimal completionRate,
        @Schema(description = "时间进度: share of the target expected by the cut-off, percent (cumulative KPIs only)",
                example = "50.00") BigDecimal timeProgress,
        @Schema(description = "Completion − time progress (or − 100 for level KPIs), percentage points", example = "-4.55")
        BigDecimal gapPoints,
        @Schema(description = "The gap in the bulletin's words", example = "欠时间进度 4.6 个百分点") String gapText,
        @Schema(example = "ON_TRACK") Status status,
        @Schema(description = "Rank among sibling units, 1 = best (direction-aware, ties share a rank); null for the city",
                example = "2") Integer rank,
        @Schema(description = "How many siblings were ranked", example = "5") Integer rankOf,
        @Schema(description = "The value for the same period and as-of date a year earlier", example = "40.00")
        BigDecimal previousYearValue,
        @Schema(description = "value − previous year's value (percentage points for rates)", example = "5.45")
        BigDecimal yoyChange,
        @Schema(description = "Change against the previous year in percent (not for rates)") BigDecimal yoyChangePercent,
        @Schema(description = "How many records (projects, deals, reports, cases...) contribute", example = "11")
        long contributingRecords,
        @Schema(description = "When the newest event behind the value was recorded by its service (freshness)")
        OffsetDateTime lastEventAt,
        @Schema(description = "Only when the target is the sum of the targets of some of the units below (others have "
                + "none): the units it covers. Completion, gap and status then compare it with their value", example = "[\"220402\", \"220421\"]")
        List<String> targetCovers,
        @Schema(description = "With targetCovers: the value of those units, which the target is compared with")
        BigDecimal targetComparedValue) {

    public static final List<String> CSV_HEADER = List.of("kpiId", "nameZh", "unit", "orgUnit", "orgUnitName", "value",
            "numerator", "denominator", "target", "targetSource", "completionRate", "timeProgress", "gapPoints",
            "status", "rank", "rankOf", "previousYearValue", "yoyChange", "yoyChangePercent", "contributingRecords",
            "lastEventAt", "targetCovers", "targetComparedValue");

    public List<?> csvRow() {
        return Arrays.asList(id, name.zh(), unit, orgUnit, orgUnitName, value, numerator, denominator, target,
                targetSource, completionRate, timeProgress, gapPoints, status, rank, rankOf, previousYearValue,
                yoyChange, yoyChangePercent, contributingRecords, lastEventAt,
                targetCovers == null ? null : String.join(" ", targetCovers), targetComparedValue);
    }
}
