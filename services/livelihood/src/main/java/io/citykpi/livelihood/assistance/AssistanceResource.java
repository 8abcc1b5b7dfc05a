package io.citykpi.livelihood.assistance;

import io.citykpi.shared.contract.livelihood.AssistanceCategory;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.Valid;
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

@Path("/api/v1/assistance/{orgUnit}")
@Tag(name = "Social assistance", description = "救助资金 (万元) and beneficiary-times (人次) per unit, month and category")
@Produces(MediaType.APPLICATION_JSON)
public class AssistanceResource {

    @Schema(name = "AssistanceRequest")
    public record Report(
            @Schema(description = "Disbursed in the month, 万元", example = "740.00", required = true)
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "Beneficiary-times (人次)", example = "1430", required = true) @NotNull @PositiveOrZero Integer beneficiaryTimes,
            @Schema(description = "Day the unit submitted the report (报送日期), when it is keyed in later; today when "
                    + "omitted. The reporting calendar's deadlines apply to it", example = "2025-05-08")
            @BusinessDate LocalDate submittedOn) {
    }

    @Schema(name = "AssistanceReport")
    public record View(String orgUnit, YearMonth month, AssistanceCategory category, BigDecimal amount, int beneficiaryTimes,
                       @Schema(description = "Replaced values; null for a first report") BigDecimal previousAmount,
                       Integer previousBeneficiaryTimes) {
    }

    @Schema(name = "AssistanceMonth")
    public record MonthTotal(YearMonth month, @Schema(description = "万元") BigDecimal amount, int beneficiaryTimes) {
    }

    private final AssistanceService service;

    public AssistanceResource(AssistanceService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Path("{month}/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportAssistance", summary = "Report assistance disbursed by a unit in a month and category",
            description = "Again = correction (assistance-corrected.v1 with old and new values). Reported by districts, "
                    + "counties and zones; the city's figure is their sum.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Report.class),
            examples = @ExampleObject(name = "dibao-april", value = "{\"amount\":740.00,\"beneficiaryTimes\":1430}")))
    @APIResponse(responseCode = "201", description = "First report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "200", description = "Correction (or the same values again)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    public Response report(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                           @PathParam("month") @BusinessDate YearMonth month,
                           @PathParam("category") AssistanceCategory category, @Valid @NotNull Report request) {
        AssistanceService.Result result = service.report(orgUnit, month, category, request.amount(),
                request.beneficiaryTimes(), request.submittedOn());
        return Response.status(result.created() ? 201 : 200).entity(result.view()).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "getAssistanceSeries", summary = "A year of assistance, month by month, all categories", description = "The city adds its units up.")
    @APIResponse(responseCode = "200", description = "Twelve months")
    public List<MonthTotal> series(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                                   @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return service.series(orgUnit, year);
    }
}
