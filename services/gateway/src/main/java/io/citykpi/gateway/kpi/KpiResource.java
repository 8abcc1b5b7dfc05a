package io.citykpi.gateway.kpi;

import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.problem.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "KPIs", description = "City and district KPIs, built only from the domain services' events")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final KpiService service;
    private final KpiCatalogue catalogue;

    public KpiResource(KpiService service, KpiCatalogue catalogue) {
        this.service = service;
        this.catalogue = catalogue;
    }

    @GET
    @Path("kpis")
    @Operation(summary = "KPIs of a year for the city and every unit",
            description = "Every KPI of the catalogue that has data, as of the end of the year or today if that is "
                    + "earlier (Asia/Shanghai). Values roll up from districts to the city by adding numerators "
                    + "and denominators, never by averaging percentages.")
    @APIResponse(responseCode = "200", description = "The KPIs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiReport.class),
                    examples = @ExampleObject(name = "liaoyuan-2025", value = KpiExamples.REPORT)))
    @APIResponse(responseCode = "400", description = "year missing or out of range, or an unknown orgUnit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-year", value = KpiExamples.BAD_YEAR)))
    public KpiReport kpis(
            @Parameter(description = "Calendar year of the work report", example = "2025", required = true)
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Only this organisation unit (default: the city and every unit)", example = "220400")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit) {
        return service.report(year, orgUnit);
    }

    @GET
    @Path("kpi-definitions")
    @Operation(summary = "The KPI catalogue", description = "Every indicator with its unit, aggregation, direction and formula.")
    @APIResponse(responseCode = "200", description = "The catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KpiCatalogue.Document.class)))
    public KpiCatalogue.Document definitions() {
        return catalogue.document();
    }
}
