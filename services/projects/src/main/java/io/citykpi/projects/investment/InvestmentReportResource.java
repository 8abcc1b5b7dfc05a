package io.citykpi.projects.investment;

import io.citykpi.projects.project.ProjectExamples;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{id}/investment-reports/{month}")
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvestmentReportResource {

    private final InvestmentReportService service;

    public InvestmentReportResource(InvestmentReportService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Operation(operationId = "reportProjectInvestment", summary = "Report the investment a project completed in a month",
            description = "Amount in 万元 for that month alone. Reporting a month again is a correction: it replaces "
                    + "the value and publishes citykpi.projects.project-investment-corrected.v1 with the old and new "
                    + "amount (a first report publishes ...-investment-reported.v1). Refused for a month that has not "
                    + "begun, before the project reached preparation (前期), and for cancelled projects. A cumulative "
                    + "amount above the total investment is accepted with a data-quality warning.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InvestmentReportRequest.class),
            examples = @ExampleObject(name = "april", value = ProjectExamples.REPORT_REQUEST)))
    @APIResponse(responseCode = "201", description = "First report for the month",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvestmentReportView.class),
                    examples = @ExampleObject(name = "reported", value = ProjectExamples.REPORT)))
    @APIResponse(responseCode = "200", description = "Correction of an earlier report (or the same amount again)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvestmentReportView.class),
                    examples = @ExampleObject(name = "corrected-with-warning", value = ProjectExamples.CORRECTION)))
    @APIResponse(responseCode = "400", description = "Amount missing or negative, month malformed or not begun yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "future-month", value = ProjectExamples.FUTURE_MONTH_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The project has not reached preparation, or is cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "not-in-preparation", value = ProjectExamples.NOT_IN_PREPARATION_PROBLEM),
                            @ExampleObject(name = "cancelled", value = ProjectExamples.CANCELLED_PROBLEM)}))
    public Response report(@PathParam("id") UUID id,
                           @Parameter(description = "The month, yyyy-MM", example = "2025-04")
                           @PathParam("month") @BusinessDate YearMonth month,
                           @Valid @NotNull InvestmentReportRequest request) {
        InvestmentReportService.Result result = service.report(id, month, request);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.report()).build();
    }
}
