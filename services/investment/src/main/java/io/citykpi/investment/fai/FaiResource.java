package io.citykpi.investment.fai;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/fixed-asset-investment/{orgUnit}")
@Tag(name = "Fixed-asset investment", description = "固定资产投资, reported monthly per district")
@Produces(MediaType.APPLICATION_JSON)
public class FaiResource {

    static final String REQUEST = """
            {"amount":46500.00}""";
    static final String REPORT = """
            {"orgUnit":"220421","month":"2025-04","amount":46500.00,"previousAmount":null,\
            "sameMonthLastYear":41000.00,"yoyGrowthPercent":13.4}""";
    static final String CORRECTION = """
            {"orgUnit":"220421","month":"2025-04","amount":47000.00,"previousAmount":46500.00,\
            "sameMonthLastYear":41000.00,"yoyGrowthPercent":14.6}""";
    static final String SERIES = """
            {"orgUnit":"220400","year":2025,"months":[{"month":"2025-01","amount":30000.00,"sameMonthLastYear":28000.00,\
            "yoyGrowthPercent":7.1,"yearToDate":30000.00,"yearToDateGrowthPercent":7.1,"reportingUnits":5}]}""";
    static final String PROBLEM = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"orgUnit: FAI is reported by the units of 220400; its own figure is their sum",\
            "errors":[{"field":"orgUnit","rule":"ReportingUnit",\
            "message":"FAI is reported by the units of 220400; its own figure is their sum"}]}""";

    public record FaiRequest(
            @Schema(description = "FAI completed in the month, 万元", example = "46500.00", required = true)
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "Day the unit submitted the report (报送日期), when it is keyed in later; today when "
                    + "omitted. The reporting calendar's deadlines apply to it", example = "2025-06-06")
            @BusinessDate LocalDate submittedOn) {
    }

    private final FaiService service;

    public FaiResource(FaiService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Path("{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportFixedAssetInvestment", summary = "Report a unit's fixed-asset investment for a month",
            description = "Amount in 万元 for that month alone. Reporting it again is a correction that replaces the "
                    + "value; its event (citykpi.investment.fixed-asset-investment-corrected.v1) carries old and new. "
                    + "The same month of the previous year, when reported, gives the year-on-year growth. Reported "
                    + "by districts, counties and zones; the city's figure is their sum.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FaiRequest.class),
            examples = @ExampleObject(name = "april", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "First report of the month", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FaiViews.Report.class),
            examples = @ExampleObject(name = "reported", value = REPORT)))
    @APIResponse(responseCode = "200", description = "Correction (or the same amount again)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FaiViews.Report.class),
            examples = @ExampleObject(name = "corrected", value = CORRECTION)))
    @APIResponse(responseCode = "400", description = "Unknown unit, a unit that does not report (the city), a month "
            + "malformed or not begun, an amount missing or negative",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "city", value = PROBLEM)))
    public Response report(@Parameter(example = "220421") @PathParam("orgUnit") @OrgUnitCode String orgUnit,
                           @Parameter(description = "yyyy-MM", example = "2025-04") @PathParam("month") @BusinessDate YearMonth month,
                           @Valid @NotNull FaiRequest request) {
        FaiService.Result result = service.report(orgUnit, month, request.amount(),
                request.submittedOn());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.report()).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "getFixedAssetInvestmentSeries", summary = "A year of monthly FAI with year-on-year growth",
            description = "For a district, its own reports; for the city, the sum of its units (numerators and "
                    + "denominators added before dividing). Months nobody reported have a null amount.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FaiViews.Series.class),
            examples = @ExampleObject(name = "city-2025", value = SERIES)))
    public FaiViews.Series series(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                                  @Parameter(example = "2025", required = true)
                                  @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return service.series(orgUnit, year);
    }
}
