package io.citykpi.gateway.alerts;

import io.citykpi.gateway.csv.CsvWriter;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.query.RememberedAnswers;
import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alerts")
@Tag(name = "Alerts", description = "What leaders must be told: KPIs behind, overdue hazards, data that looks wrong")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class AlertResource {

    private final AlertService alerts;
    private final KpiService kpis;
    private final RememberedAnswers answers;

    public AlertResource(AlertService alerts, KpiService kpis, RememberedAnswers answers) {
        this.alerts = alerts;
        this.kpis = kpis;
        this.answers = answers;
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listAlerts", summary = "Alerts of a year as of a date",
            description = "KPI_BEHIND_TIME_PROGRESS (cumulative KPIs more than citykpi.alerts.behind-time-progress-points "
                    + "behind), HAZARD_OVERDUE, MAJOR_HAZARD_LISTED (挂牌督办, not closed), HOTLINE_SATISFACTION_LOW "
                    + "(under citykpi.alerts.satisfaction-floor-percent, 85 by default), PROJECT_NOT_STARTED (planned start "
                    + "month over), CUMULATIVE_DECREASED (a correction lowered a reported figure), SUSPECTED_UNIT_MISTAKE "
                    + "(a monthly amount citykpi.alerts.unit-mistake-factor times the month before, or a fraction of it: "
                    + "万元 typed as 亿元). Each with severity, unit, KPI or record and a link to the explaining data; "
                    + "most severe first. Also as CSV.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertList.class)))
    public AlertList list(
            @Parameter(description = "Calendar year", required = true, example = "2025") @QueryParam("year") Integer year,
            @Parameter(description = "Business date (default today, Asia/Shanghai)", example = "2025-06-30")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Only events recorded by then (RFC 3339)") @QueryParam("knownAt") OffsetDateTime knownAt,
            @Parameter(description = "Only this unit and the units below it", example = "220421")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @Parameter(description = "Only this severity and above", example = "HIGH") @QueryParam("severity") Alert.Severity severity,
            @Parameter(description = "Only alerts that did not hold on this day (of the same year): what is new since a "
                    + "leader last looked", example = "2025-06-01") @QueryParam("newSince") LocalDate newSince) {
        if (newSince != null && year != null && newSince.getYear() != year) {
            throw io.citykpi.shared.problem.InvalidFieldsException.of("newSince", "SameYear", "must lie in " + year);
        }
        KpiQuery query = kpis.query(year, null, asOf, knownAt);
        return answers.answer(java.util.Arrays.asList("alerts", query, orgUnit, severity, newSince),
                () -> alerts.alerts(query, orgUnit, severity, newSince));
    }
}
