package io.citykpi.gateway.alerts;

import io.citykpi.gateway.csv.CsvExport;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something a leader should be told about, with the way to the data that explains it. */
@Schema(name = "Alert")
public record Alert(
        @Schema(example = "KPI_BEHIND_TIME_PROGRESS") Rule rule,
        @Schema(example = "HIGH") Severity severity,
        @Schema(example = "220471") String orgUnit,
        @Schema(example = "辽源高新技术产业开发区") String orgUnitName,
        @Schema(description = "The KPI concerned, if any", example = "projects.start-rate") String kpiId,
        @Schema(description = "The record concerned (project, hazard, report...), if any") Record record,
        @Schema(example = "计划新开工项目开工率 欠时间进度 18.2 个百分点") String message,
        @Schema(description = "The figure that triggered it", example = "81.82") BigDecimal value,
        @Schema(description = "The threshold or expectation it was compared with", example = "100") BigDecimal threshold,
        @Schema(description = "The business date it refers to", example = "2025-06-30") LocalDate date,
        @Schema(description = "Where to see the explaining data",
                example = "/api/v1/kpis/projects.start-rate/explain?orgUnit=220471&year=2025&asOf=2025-06-30") String link) {

    /**
     * Stays the same while the alert is about the same thing: a KPI of a unit in a year, or a record and
     * its date (a hazard and the deadline it missed, a report and its month), so a cockpit can tell new
     * alerts from those it has shown.
     */
    @JsonProperty("id")
    @Schema(description = "Stable while the alert is about the same thing (a KPI of a unit in a year, or a record and its date)",
            example = "0d3f2c5e-6b1a-3c4d-9e8f-7a6b5c4d3e2f")
    public String id() {
        String about = record == null ? kpiId + "|" + (date == null ? "" : date.getYear())
                : record.kind() + "|" + record.id() + "|" + date;
        return UUID.nameUUIDFromBytes((rule + "|" + orgUnit + "|" + about).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public enum Severity { HIGH, MEDIUM, LOW }

    public enum Rule {
        /** A cumulative KPI behind time progress by more than the configured points. */
        KPI_BEHIND_TIME_PROGRESS,
        /** A hazard past its deadline in force and not rectified. */
        HAZARD_OVERDUE,
        /** A major hazard listed for supervision (挂牌督办) and not yet closed. */
        MAJOR_HAZARD_LISTED,
        /** Hotline satisfaction under the floor. */
        HOTLINE_SATISFACTION_LOW,
        /** A project planned to start by now that has not started. */
        PROJECT_NOT_STARTED,
        /** A correction lowered a figure already reported, so a cumulative total went down. */
        CUMULATIVE_DECREASED,
        /** A month-on-month jump that looks like 万元 typed as 亿元 (or the reverse). */
        SUSPECTED_UNIT_MISTAKE
    }

    @Schema(name = "AlertRecord")
    public record Record(@Schema(example = "project") String kind, String id, @Schema(example = "GX-2025-003") String label) {
    }

    static final List<String> CSV_HEADER = List.of("id", "rule", "severity", "orgUnit", "orgUnitName", "kpiId", "recordKind",
            "recordId", "recordLabel", "message", "value", "threshold", "date", "link");

    List<?> csvRow() {
        return Arrays.asList(id(), rule, severity, orgUnit, orgUnitName, kpiId, record == null ? null : record.kind(),
                record == null ? null : record.id(), record == null ? null : record.label(), message, value, threshold,
                date, link);
    }
}
