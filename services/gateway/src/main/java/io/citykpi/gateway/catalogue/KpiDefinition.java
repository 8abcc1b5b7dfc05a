package io.citykpi.gateway.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator of the catalogue (src/main/resources/kpi/catalogue.json), DHIS2-style. */
@Schema(name = "KpiDefinition")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiDefinition(
        @Schema(example = "projects.start-rate") String id,
        Names name,
        @Schema(example = "projects") String domain,
        @Schema(description = "Unit of the value: a count noun, 万元, m², 人次 or % for ratios", example = "%") String unit,
        @Schema(description = "How facts combine: COUNT of records, SUM of amounts, RATIO of two sums "
                + "(numerators and denominators are added up first, at every level, then divided)",
                enumeration = {"COUNT", "SUM", "RATIO"}, example = "RATIO") String aggregation,
        @Schema(description = "For RATIO: PERCENT = Σnum ÷ Σden × 100; CHANGE_PERCENT = (Σnum ÷ Σden − 1) × 100",
                enumeration = {"PERCENT", "CHANGE_PERCENT"}, example = "PERCENT") String ratio,
        @Schema(description = "FLOW adds up from the period's start to the cut-off; STOCK is read on the cut-off",
                enumeration = {"FLOW", "STOCK"}, example = "STOCK") String valueType,
        @Schema(description = "Which way is better, for rankings and status", enumeration = {"HIGHER_IS_BETTER", "LOWER_IS_BETTER"},
                example = "HIGHER_IS_BETTER") String direction,
        @Schema(description = "CUMULATIVE values build up over the year and are compared with time progress (时间进度); "
                + "LEVEL values (quality rates, registers, ceilings) are compared with the target directly",
                enumeration = {"CUMULATIVE", "LEVEL"}, example = "CUMULATIVE") String progress,
        @Schema(description = "How the value meets its target: RATIO (default) = completion, value ÷ target × 100; "
                + "DIFFERENCE = for a rate that is itself a change (growth), value − target in percentage points",
                enumeration = {"RATIO", "DIFFERENCE"}, example = "RATIO") String comparison,
        @Schema(description = "The formula in words") String formula,
        @Schema(description = "What the numerator counts or adds up") String numerator,
        @Schema(description = "What the denominator counts or adds up (ratios only)") String denominator,
        @Schema(description = "CloudEvents types that feed it") List<String> sourceEventTypes,
        @Schema(description = "How front ends show it: short name, decimals, place and group on a screen") Display display,
        @Schema(description = "Record attributes the KPI can be broken down by (GET /api/v1/kpis/{kpiId}/breakdown?by=)",
                example = "[\"sector\", \"constructionType\", \"sizeClass\"]") List<String> breakdowns) {

    /** What a front end needs to show a KPI without a table of its own. */
    @Schema(name = "KpiDisplay")
    public record Display(
            @Schema(description = "A label short enough for a tile") Names shortName,
            @Schema(description = "Decimals to show (0 for counts, 2 for money and rates)", example = "2") int precision,
            @Schema(description = "Place in the catalogue's order, 1 first", example = "4") int order,
            Group group) {
    }

    @Schema(name = "KpiGroup")
    public record Group(
            @Schema(example = "projects") String id,
            @Schema(example = "重点项目") String zh,
            @Schema(example = "Key projects") String en) {
    }

    public record Names(@Schema(example = "计划新开工项目开工率") String zh,
                        @Schema(example = "Start rate of projects planned to start this year") String en) {
    }

    @JsonIgnore
    public boolean isRatio() {
        return "RATIO".equals(aggregation);
    }

    /** Counts and sums of districts add up to the city; rates do not. */
    @JsonIgnore
    public boolean isAdditive() {
        return !isRatio();
    }

    @JsonIgnore
    public boolean isFlow() {
        return "FLOW".equals(valueType);
    }

    @JsonIgnore
    public boolean lowerIsBetter() {
        return "LOWER_IS_BETTER".equals(direction);
    }

    @JsonIgnore
    public boolean isCumulative() {
        return "CUMULATIVE".equals(progress);
    }

    /** Compared with its target as a difference in percentage points, not as a completion rate. */
    @JsonIgnore
    public boolean comparedByDifference() {
        return "DIFFERENCE".equals(comparison);
    }
}
