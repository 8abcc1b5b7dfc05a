package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.HazardStatus;
import io.citykpi.shared.contract.safety.Severity;
import io.citykpi.safety.SafetyExamples;
import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hazards")
@Tag(name = "Hazards", description = "Hazards (隐患) and their closed loop: rectification, verification, extensions, listing")
@Produces(MediaType.APPLICATION_JSON)
public class HazardResource {

    private final HazardService service;
    private final HazardQuery query;

    public HazardResource(HazardService service, HazardQuery query) {
        this.service = service;
        this.query = query;
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listHazards", summary = "List hazards",
            description = "overdue=true: past the deadline in force and not rectified, today (Asia/Shanghai). Sort by "
                    + "foundOn, deadline, severity, status, orgUnit, updatedAt.")
    @APIResponse(responseCode = "200", description = "One page of hazards")
    public PageView<HazardViews.HazardView> list(
            @Parameter(description = "Unit and everything below it") @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @QueryParam("domain") SafetyDomain domain,
            @QueryParam("placeType") PlaceType placeType,
            @QueryParam("severity") Severity severity,
            @QueryParam("status") HazardStatus status,
            @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "Listed for supervision (挂牌督办)") @QueryParam("listed") Boolean listed,
            @Parameter(description = "Found on or after", example = "2025-01-01") @QueryParam("foundFrom") LocalDate foundFrom,
            @Parameter(description = "Found on or before", example = "2025-12-31") @QueryParam("foundTo") LocalDate foundTo,
            @QueryParam("sort") @DefaultValue("-foundOn") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return query.list(new HazardQuery.Filter(orgUnit, domain, placeType, severity, status, overdue, listed, foundFrom,
                foundTo), sort, page, size);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{id}")
    @Operation(operationId = "getHazard", summary = "Get a hazard with its full history and extension requests")
    @APIResponse(responseCode = "200", description = "The hazard", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HazardViews.HazardDetail.class)))
    public HazardViews.HazardDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/rectification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rectifyHazard", summary = "Record the rectification (整改) of an open hazard", description = "Publishes hazard-rectified.v1 "
            + "with onTime = rectified by the deadline in force.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HazardRequests.Rectify.class),
            examples = @ExampleObject(name = "valve-replaced", value = SafetyExamples.RECTIFY)))
    @APIResponse(responseCode = "200", description = "Rectified, waiting for verification", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HazardViews.HazardView.class)))
    @APIResponse(responseCode = "409", description = "Not open, or a date before it was found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = SafetyExamples.ILLEGAL_PROBLEM)))
    public HazardViews.HazardView rectify(@PathParam("id") UUID id, @Valid @NotNull HazardRequests.Rectify request) {
        return service.rectify(id, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyHazard", summary = "Verify a rectification (验收)", description = "Passed: closed (销号). Failed: open again, with "
            + "the same deadline. Publishes hazard-verified.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HazardRequests.Verify.class),
            examples = @ExampleObject(name = "passed", value = SafetyExamples.VERIFY)))
    @APIResponse(responseCode = "200", description = "Closed, or reopened", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HazardViews.HazardView.class)))
    @APIResponse(responseCode = "409", description = "Not rectified, or a date before the rectification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = SafetyExamples.ILLEGAL_PROBLEM)))
    public HazardViews.HazardView verify(@PathParam("id") UUID id, @Valid @NotNull HazardRequests.Verify request) {
        return service.verify(id, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestHazardExtension", summary = "Ask for a later deadline", description = "Only for open hazards, one pending at a time, at "
            + "most two per hazard; a major hazard's deadline stays within a year of discovery. Publishes "
            + "deadline-extension-requested.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HazardRequests.RequestExtension.class),
            examples = @ExampleObject(name = "spare-parts", value = SafetyExamples.EXTENSION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HazardViews.ExtensionView.class),
            examples = @ExampleObject(name = "pending", value = SafetyExamples.EXTENSION)))
    @APIResponse(responseCode = "409", description = "Not open, a request already pending, or the limit of two reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "limit", value = SafetyExamples.EXTENSION_LIMIT_PROBLEM)))
    public Response requestExtension(@PathParam("id") UUID id, @Valid @NotNull HazardRequests.RequestExtension request) {
        return Response.status(Response.Status.CREATED).entity(service.requestExtension(id, request)).build();
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/extension-requests/{extensionId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideHazardExtension", summary = "Approve or reject an extension request", description = "Approval puts the requested deadline "
            + "in force. Publishes deadline-extension-decided.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HazardRequests.DecideExtension.class),
            examples = @ExampleObject(name = "approved", value = SafetyExamples.DECISION)))
    @APIResponse(responseCode = "200", description = "The hazard with the deadline in force", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HazardViews.HazardView.class)))
    @APIResponse(responseCode = "409", description = "Already decided, or a date before the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HazardViews.HazardView decideExtension(@PathParam("id") UUID id, @PathParam("extensionId") UUID extensionId,
                                                  @Valid @NotNull HazardRequests.DecideExtension request) {
        return service.decideExtension(id, extensionId, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/listing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listHazardForSupervision", summary = "List a major hazard for supervision (挂牌督办)", description = "Publishes hazard-listed.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HazardRequests.ListForSupervision.class),
            examples = @ExampleObject(name = "city-safety-committee", value = SafetyExamples.LISTING)))
    @APIResponse(responseCode = "200", description = "Listed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HazardViews.HazardView.class)))
    @APIResponse(responseCode = "409", description = "Not a major hazard, already listed, or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-major", value = SafetyExamples.NOT_MAJOR_PROBLEM)))
    public HazardViews.HazardView list(@PathParam("id") UUID id, @Valid @NotNull HazardRequests.ListForSupervision request) {
        return service.list(id, request);
    }
}
