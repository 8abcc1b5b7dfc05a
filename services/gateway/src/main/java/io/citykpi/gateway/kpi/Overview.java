package io.citykpi.gateway.kpi;

import io.citykpi.gateway.alerts.Alert;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.csv.CsvExport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The first screen of a cockpit in one answer: every KPI of every unit, alerts and reporting. */
@Schema(name = "Overview", description = "Every KPI for every unit, alert counts by severity and the reporting calendar's "
        + "on-time rates: what a leadership cockpit shows first, in one call")
public record Overview(
        @Schema(example = "2025") int year,
        @Schema(example = "2025") String period,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(example = "2025-06-30") LocalDate cutoff,
        OffsetDateTime knownAt,
        @Schema(description = "The day ranks are compared with (the end of the previous month or quarter); null when "
                + "it falls before the period", example = "2025-05-31") LocalDate comparedWith,
        @Schema(description = "The city first, then the units below it") List<Unit> units,
        @Schema(description = "The catalogue in display order") List<KpiDefinition> kpis,
        @Schema(description = "One cell per KPI and unit") List<Cell> values,
        @Schema(description = "Alerts by severity, for the city and per unit") AlertCounts alerts,
        @Schema(description = "Monthly reports owed and their on-time rate, per reporting unit") List<Reporting> reporting)
        implements CsvExport {

    @Schema(name = "OverviewUnit")
    public record Unit(@Schema(example = "220421") String code, @Schema(example = "东丰县") String name,
                       @Schema(example = "220400") String parent) {
    }

    @Schema(name = "OverviewCell")
    public record Cell(
            @Schema(example = "projects.start-rate") String kpiId,
            @Schema(example = "220471") String orgUnit,
            @Schema(example = "81.82") BigDecimal value,
            @Schema(example = "100.00") BigDecimal target,
            @Schema(example = "81.82") BigDecimal completionRate,
            @Schema(example = "100.00") BigDecimal timeProgress,
            @Schema(example = "-18.18") BigDecimal gapPoints,
            @Schema(example = "欠时间进度 18.2 个百分点") String gapText,
            @Schema(example = "BEHIND") Status status,
            @Schema(description = "Among sibling units, 1 = best; null for the city", example = "2") Integer rank,
            @Schema(example = "5") Integer rankOf,
            @Schema(description = "Rank on comparedWith", example = "3") Integer previousRank,
            @Schema(description = "previousRank − rank: positive = moved up", example = "1") Integer rankChange,
            @Schema(example = "72.73") BigDecimal previousYearValue,
            OffsetDateTime lastEventAt) {
    }

    @Schema(name = "OverviewAlertCounts")
    public record AlertCounts(
            @Schema(description = "Every alert of the city and its units, by severity") Map<Alert.Severity, Integer> total,
            @Schema(description = "Per unit, by severity") Map<String, Map<Alert.Severity, Integer>> byUnit) {
    }

    @Schema(name = "OverviewReporting")
    public record Reporting(
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "30") int due,
            @Schema(example = "27") int onTime,
            @Schema(example = "2") int late,
            @Schema(example = "1") int missing,
            @Schema(example = "5") int pending,
            @Schema(description = "On-time reports ÷ reports due, percent", example = "90.00") BigDecimal onTimeRate) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("kpiId", "orgUnit", "value", "target", "completionRate", "timeProgress", "gapPoints", "status",
                "rank", "rankOf", "previousRank", "rankChange", "previousYearValue", "lastEventAt");
    }

    @Override
    public List<List<?>> csvRows() {
        return values.stream().<List<?>>map(c -> Arrays.asList(c.kpiId(), c.orgUnit(), c.value(), c.target(),
                c.completionRate(), c.timeProgress(), c.gapPoints(), c.status(), c.rank(), c.rankOf(), c.previousRank(),
                c.rankChange(), c.previousYearValue(), c.lastEventAt())).toList();
    }
}
