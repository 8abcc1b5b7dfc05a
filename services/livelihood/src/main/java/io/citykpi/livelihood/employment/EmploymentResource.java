package io.citykpi.livelihood.employment;

import io.citykpi.shared.contract.livelihood.LivelihoodEvents.EmploymentFigures;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/employment/{orgUnit}")
@Tag(name = "Employment", description = "就业: new urban jobs, registered unemployment rate, key groups, per unit and month")
@Produces(MediaType.APPLICATION_JSON)
public class EmploymentResource {

    @Schema(name = "EmploymentReportRequest", description = "One unit's employment figures for one month")
    public record Report(
            @Schema(description = "城镇新增就业 in the month, people", example = "320", required = true) @NotNull @PositiveOrZero Integer newUrbanJobs,
            @Schema(description = "城镇登记失业率 at month end, percent", example = "3.20")
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal registeredUnemploymentRate,
            @Schema(description = "高校毕业生 placed in the month, people", example = "45", required = true) @NotNull @PositiveOrZero Integer graduatePlacements,
            @Schema(description = "退役军人 placed in the month, people", example = "6", required = true) @NotNull @PositiveOrZero Integer veteranPlacements,
            @Schema(description = "Day the unit submitted the report (报送日期), when it is keyed in later; today when "
                    + "omitted. The reporting calendar's deadlines apply to it", example = "2025-05-08")
            @BusinessDate LocalDate submittedOn) {

        EmploymentFigures figures() {
            return new EmploymentFigures(newUrbanJobs, registeredUnemploymentRate, graduatePlacements, veteranPlacements);
        }
    }

    @Schema(name = "EmploymentReport")
    public record View(String orgUnit, YearMonth month, EmploymentFigures figures,
                       @Schema(description = "The figures this report replaced; null for a first report") EmploymentFigures previous) {
    }

    private final EmploymentService service;

    public EmploymentResource(EmploymentService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Path("{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportEmployment", summary = "Report a unit's employment figures for a month",
            description = "Any unit, the city included: the city's human-resources bureau reports its own rate, because "
                    + "rates cannot be added up. Again = correction (employment-corrected.v1 with old and new).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Report.class),
            examples = @ExampleObject(name = "april", value = "{\"newUrbanJobs\":320,\"registeredUnemploymentRate\":3.20,"
                    + "\"graduatePlacements\":45,\"veteranPlacements\":6}")))
    @APIResponse(responseCode = "201", description = "First report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "200", description = "Correction", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = View.class)))
    public Response report(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                           @PathParam("month") @BusinessDate YearMonth month,
                           @Valid @NotNull Report request) {
        EmploymentService.Result result = service.report(orgUnit, month, request.figures(), request.submittedOn());
        return Response.status(result.created() ? 201 : 200).entity(result.view()).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "getEmploymentSeries", summary = "A unit's own employment reports for a year")
    @APIResponse(responseCode = "200", description = "The months reported")
    public List<View> series(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                             @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return service.series(orgUnit, year);
    }
}
