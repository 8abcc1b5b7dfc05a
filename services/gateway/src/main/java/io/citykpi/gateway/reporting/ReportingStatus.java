package io.citykpi.gateway.reporting;

import io.citykpi.gateway.csv.CsvExport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportingStatus", description = "Which monthly reports each unit has delivered, late or not at all")
public record ReportingStatus(
        @Schema(example = "2025") int year,
        @Schema(example = "2025-07-15") LocalDate asOf,
        @Schema(description = "Per unit: counts and the on-time reporting rate") List<UnitSummary> units,
        @Schema(description = "Every report owed so far (month over), one row each") List<Report> reports) implements CsvExport {

    public enum State {
        /** Received by the due day. */
        ON_TIME,
        /** Received after the due day. */
        LATE,
        /** Not received, and the due day has passed. */
        MISSING,
        /** Not received yet, and not yet due. */
        PENDING
    }

    @Schema(name = "ReportingUnitSummary")
    public record UnitSummary(
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "东丰县") String orgUnitName,
            @Schema(description = "Reports whose due day has passed", example = "30") int due,
            @Schema(example = "27") int onTime,
            @Schema(example = "2") int late,
            @Schema(example = "1") int missing,
            @Schema(description = "Month over, not yet due, not yet received", example = "5") int pending,
            @Schema(description = "On time ÷ due × 100; null when nothing is due yet", example = "90.00") BigDecimal onTimeRate) {
    }

    @Schema(name = "ReportingReport")
    public record Report(
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "FIXED_ASSET_INVESTMENT") ReportType type,
            @Schema(example = "固定资产投资月报") String typeName,
            @Schema(example = "2025-05") String month,
            @Schema(example = "2025-06-08") LocalDate dueOn,
            @Schema(example = "LATE") State state,
            @Schema(description = "The day the unit submitted the first report for the month (报送日期)", example = "2025-06-11")
            LocalDate submittedOn,
            @Schema(description = "When that report was recorded by the service") OffsetDateTime recordedAt,
            @Schema(description = "Days after the due day (late), or overdue so far (missing)", example = "3") Integer daysLate) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("orgUnit", "type", "typeName", "month", "dueOn", "state", "submittedOn", "recordedAt", "daysLate");
    }

    @Override
    public List<List<?>> csvRows() {
        return reports.stream().<List<?>>map(r -> Arrays.asList(r.orgUnit(), r.type(), r.typeName(), r.month(), r.dueOn(),
                r.state(), r.submittedOn(), r.recordedAt(), r.daysLate())).toList();
    }
}
