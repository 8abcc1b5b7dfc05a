package io.citykpi.safety.inspection;

import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.safety.SafetyExamples;
import io.citykpi.safety.hazard.HazardViews;
import io.citykpi.shared.idempotency.Idempotent;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inspections")
@Tag(name = "Inspections", description = "Safety inspections (安全隐患排查) and the hazards they find")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionResource {

    private final InspectionService service;

    public InspectionResource(InspectionService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordInspection", summary = "Record an inspection and the hazards it found",
            description = "All or nothing. Publishes citykpi.safety-inspection.inspection-recorded.v1 and one "
                    + "hazard-found.v1 per hazard. A hazard's deadline may not be before the inspection, and a major "
                    + "hazard's at most one year after it.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InspectionRequests.RecordInspection.class),
            examples = @ExampleObject(name = "school-gas", value = SafetyExamples.INSPECTION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "URL of the new inspection", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionViews.InspectionDetail.class),
                    examples = @ExampleObject(name = "recorded", value = SafetyExamples.INSPECTION_DETAIL)))
    @APIResponse(responseCode = "400", description = "A field is missing or breaks a rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "deadline", value = SafetyExamples.DEADLINE_PROBLEM)))
    public Response record(@Valid @NotNull InspectionRequests.RecordInspection request, @Context UriInfo uri) {
        InspectionViews.InspectionDetail detail = service.record(request);
        return Response.created(uri.getAbsolutePathBuilder().path(detail.inspection().id().toString()).build())
                .entity(detail).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listInspections", summary = "List inspections", description = "Filtered, sorted (inspectedOn, orgUnit, domain, placeType) and paged.")
    @APIResponse(responseCode = "200", description = "One page of inspections")
    public PageView<InspectionViews.InspectionView> list(
            @Parameter(description = "Unit and everything below it") @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @QueryParam("domain") SafetyDomain domain,
            @QueryParam("placeType") PlaceType placeType,
            @Parameter(description = "监管+专家 only (true) or without experts (false)") @QueryParam("withExperts") Boolean withExperts,
            @Parameter(description = "Inspected on or after", example = "2025-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Inspected on or before", example = "2025-12-31") @QueryParam("to") LocalDate to,
            @QueryParam("sort") @DefaultValue("-inspectedOn") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(new InspectionService.Filter(orgUnit, domain, placeType, withExperts, from, to), sort, page, size);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{id}")
    @Operation(operationId = "getInspection", summary = "Get an inspection with its hazards")
    @APIResponse(responseCode = "200", description = "The inspection", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionDetail.class),
            examples = @ExampleObject(name = "inspection", value = SafetyExamples.INSPECTION_DETAIL)))
    public InspectionViews.InspectionDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/hazards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addInspectionHazard", summary = "Add a hazard found in this inspection", description = "Publishes hazard-found.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InspectionRequests.NewHazard.class),
            examples = @ExampleObject(name = "blocked-exit", value = SafetyExamples.NEW_HAZARD)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "URL of the new hazard (under /api/v1/hazards)", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HazardViews.HazardView.class),
            examples = @ExampleObject(name = "hazard", value = SafetyExamples.HAZARD)))
    @APIResponse(responseCode = "400", description = "A field is missing or the deadline breaks a rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "deadline", value = SafetyExamples.DEADLINE_PROBLEM)))
    public Response addHazard(@PathParam("id") UUID id, @Valid @NotNull InspectionRequests.NewHazard request,
                              @Context UriInfo uri) {
        HazardViews.HazardView hazard = service.addHazard(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/hazards").path(hazard.id().toString()).build())
                .entity(hazard).build();
    }
}
