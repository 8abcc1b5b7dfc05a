package io.citykpi.livelihood.programme;

import io.citykpi.shared.contract.livelihood.ProgrammeCategory;
import io.citykpi.shared.idempotency.Idempotent;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programmes")
@Tag(name = "Livelihood programmes", description = "民生实事 with planned quantities and monthly progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    static final String CREATE = """
            {"code":"DF-2025-LJ-01","name":"东丰县老旧小区改造","category":"OLD_ESTATE_RENOVATION","orgUnit":"220421",\
            "year":2025,"unit":"SQUARE_METRES","plannedQuantity":126000}""";
    static final String PROGRESS = """
            {"programmeId":"2b4c6d8e-0f1a-4b3c-9d5e-7f8a9b0c1d2e","month":"2025-05","quantity":12000.00,\
            "previousQuantity":null,"completedToDate":54000.00,"plannedQuantity":126000.00,"warnings":[]}""";

    private final ProgrammeService service;

    public ProgrammeResource(ProgrammeService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProgramme", summary = "Create a programme", description = "Publishes programme-created.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProgrammeApi.CreateProgramme.class),
            examples = @ExampleObject(name = "old-estates", value = CREATE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "URL of the new programme", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeApi.ProgrammeView.class)))
    @APIResponse(responseCode = "409", description = "The code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProgrammeApi.CreateProgramme request, @Context UriInfo uri) {
        ProgrammeApi.ProgrammeView view = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listProgrammes", summary = "List programmes with their progress to date", description = "orgUnit covers the units below it.")
    @APIResponse(responseCode = "200", description = "The programmes")
    public List<ProgrammeApi.ProgrammeView> list(@QueryParam("orgUnit") @OrgUnitCode String orgUnit,
                                                 @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                                 @QueryParam("category") ProgrammeCategory category) {
        return service.list(orgUnit, year, category);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{id}")
    @Operation(operationId = "getProgramme", summary = "Get a programme with its monthly progress")
    @APIResponse(responseCode = "200", description = "The programme", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeApi.ProgrammeView.class)))
    public ProgrammeApi.ProgrammeView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Path("{id}/progress/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportProgrammeProgress", summary = "Report the quantity a programme completed in a month",
            description = "Again = correction (programme-progress-corrected.v1 with old and new). Over-delivery is "
                    + "accepted with an OVER_DELIVERED warning. Months of the programme's year only, none not yet begun.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProgrammeApi.ReportProgress.class),
            examples = @ExampleObject(name = "may", value = "{\"quantity\":12000}")))
    @APIResponse(responseCode = "201", description = "First report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeApi.ProgressView.class), examples = @ExampleObject(name = "may", value = PROGRESS)))
    @APIResponse(responseCode = "200", description = "Correction", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeApi.ProgressView.class)))
    @APIResponse(responseCode = "409", description = "A month outside the programme's year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("id") UUID id,
                           @PathParam("month") @BusinessDate YearMonth month,
                           @Valid @NotNull ProgrammeApi.ReportProgress request) {
        ProgrammeService.Result result = service.report(id, month, request);
        return Response.status(result.created() ? 201 : 200).entity(result.progress()).build();
    }
}
