package io.citykpi.gateway.reporting;

import io.citykpi.gateway.csv.CsvWriter;
import io.citykpi.gateway.query.RememberedAnswers;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reporting-status")
@Tag(name = "Reporting calendar", description = "Monthly reports owed by each unit, and whether they came on time")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class ReportingResource {

    private final ReportingService reporting;
    private final RememberedAnswers answers;

    public ReportingResource(ReportingService reporting, RememberedAnswers answers) {
        this.reporting = reporting;
        this.answers = answers;
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "getReportingStatus", summary = "Monthly reports received, late and missing",
            description = "Every district, county and zone owes five monthly reports (project investment, FAI, "
                    + "programme progress, social assistance, employment) by a day of the next month "
                    + "(citykpi.reporting.due-day.*: 5, 8, 5, 10 and 10 by default). A report counts as received on the "
                    + "day the first one for the unit and month was submitted (报送日期, submittedOn); corrections do not. Lists each report owed "
                    + "for the months over by asOf with ON_TIME, LATE, MISSING or PENDING (not yet due), and the on-time "
                    + "reporting rate per unit. Also as CSV (one row per report).")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportingStatus.class)))
    public ReportingStatus status(
            @Parameter(description = "Calendar year", required = true, example = "2025") @QueryParam("year") Integer year,
            @Parameter(description = "Business date (default today, Asia/Shanghai)", example = "2025-07-15")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Only events recorded by then (RFC 3339), to reproduce an earlier status exactly")
            @QueryParam("knownAt") java.time.OffsetDateTime knownAt,
            @Parameter(description = "Only this unit (or the units below it)", example = "220421")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @Parameter(description = "Only this report", example = "FIXED_ASSET_INVESTMENT") @QueryParam("type") ReportType type,
            @Parameter(description = "Only reports in this state", example = "MISSING") @QueryParam("state") ReportingStatus.State state) {
        LocalDate day = asOf != null ? asOf : io.citykpi.shared.time.BusinessTime.today(java.time.Clock.systemUTC());
        return answers.answer(java.util.Arrays.asList("reporting", year, day, knownAt, orgUnit, type, state),
                () -> reporting.status(year, asOf, knownAt, orgUnit, type, state));
    }
}
