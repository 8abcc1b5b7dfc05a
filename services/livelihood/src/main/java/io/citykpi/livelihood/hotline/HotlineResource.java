package io.citykpi.livelihood.hotline;

import io.citykpi.shared.contract.livelihood.CaseType;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hotline-cases")
@Tag(name = "12345 hotline", description = "Cases from receipt to feedback (接诉即办), on the working-day calendar")
@Produces(MediaType.APPLICATION_JSON)
public class HotlineResource {

    static final String RECEIVE = """
            {"caseNumber":"12345-20250410-00017","orgUnit":"220403","type":"COMPLAINT","proactive":false,\
            "summary":"小区供暖温度不达标","receivedAt":"2025-04-10T09:12:00+08:00"}""";
    static final String CASE = """
            {"caseNumber":"12345-20250410-00017","orgUnit":"220403","type":"COMPLAINT","proactive":false,\
            "summary":"小区供暖温度不达标","receivedAt":"2025-04-10T09:12:00+08:00",\
            "responseDueAt":"2025-04-11T23:59:59+08:00","dueAt":"2025-04-29T23:59:59+08:00","status":"RECEIVED",\
            "overdue":false,"acceptedAt":null,"acceptedOnTime":null,"resolvedAt":null,"solved":null,\
            "resolvedOnTime":null,"feedback":null,"feedbackAt":null,"reworkCount":0,"escalated":false,\
            "updatedAt":"2025-04-10T09:12:05+08:00"}""";
    static final String ILLEGAL = """
            {"type":"https://citykpi.io/problems/illegal-case-transition","title":"Conflict with the current state",\
            "status":409,"detail":"case 12345-20250410-00017 is RECEIVED and cannot be resolved; that needs [ACCEPTED]",\
            "context":{"currentStatus":"RECEIVED","requiredStatus":["ACCEPTED"]}}""";

    private final HotlineService service;

    public HotlineResource(HotlineService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveHotlineCase", summary = "Register a case received by the hotline",
            description = "Computes the response and resolution due times from the type's limit in working days "
                    + "(weekends, public holidays and swapped working days included). Publishes hotline-case-received.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HotlineRequests.Receive.class),
            examples = @ExampleObject(name = "heating-complaint", value = RECEIVE)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "URL of the new case", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.CaseView.class), examples = @ExampleObject(name = "case", value = CASE)))
    @APIResponse(responseCode = "409", description = "The case number is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@Valid @NotNull HotlineRequests.Receive request, @Context UriInfo uri) {
        HotlineViews.CaseView view = service.receive(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.caseNumber()).build()).entity(view).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listHotlineCases", summary = "List cases", description = "Filters orgUnit (and units below), type, status, overdue, proactive, "
            + "escalated, receivedFrom/receivedTo; sort receivedAt, dueAt, orgUnit, status, type, reworkCount.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    public PageView<HotlineViews.CaseView> list(@QueryParam("orgUnit") @OrgUnitCode String orgUnit,
                                                @QueryParam("type") CaseType type,
                                                @QueryParam("status") CaseStatus status,
                                                @QueryParam("overdue") Boolean overdue,
                                                @QueryParam("proactive") Boolean proactive,
                                                @QueryParam("escalated") Boolean escalated,
                                                @QueryParam("receivedFrom") LocalDate receivedFrom,
                                                @QueryParam("receivedTo") LocalDate receivedTo,
                                                @QueryParam("sort") @DefaultValue("-receivedAt") String sort,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(new HotlineService.Filter(orgUnit, type, status, overdue, proactive, escalated, receivedFrom,
                receivedTo), sort, page, size);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{caseNumber}")
    @Operation(operationId = "getHotlineCase", summary = "Get a case with its history")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HotlineViews.CaseDetail.class)))
    public HotlineViews.CaseDetail get(@PathParam("caseNumber") String caseNumber) {
        return service.detail(caseNumber);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{caseNumber}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptHotlineCase", summary = "Accept a received case (响应)", description = "acceptedOnTime compares with the response due "
            + "time. Publishes hotline-case-accepted.v1.")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not RECEIVED, or a time before receipt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    public HotlineViews.CaseView accept(@PathParam("caseNumber") String caseNumber,
                                        @Valid @NotNull HotlineRequests.Accept request) {
        return service.accept(caseNumber, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{caseNumber}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveHotlineCase", summary = "Resolve an accepted case (办结)", description = "solved feeds the resolution rate; "
            + "resolvedOnTime compares with the due time. Publishes hotline-case-resolved.v1.")
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not ACCEPTED, or a time before acceptance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    public HotlineViews.CaseView resolve(@PathParam("caseNumber") String caseNumber,
                                         @Valid @NotNull HotlineRequests.Resolve request) {
        return service.resolve(caseNumber, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{caseNumber}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordHotlineFeedback", summary = "Record the caller's feedback (回访)", description = "Closes the case. Publishes "
            + "hotline-case-feedback-recorded.v1.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not RESOLVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HotlineViews.CaseView feedback(@PathParam("caseNumber") String caseNumber,
                                          @Valid @NotNull HotlineRequests.GiveFeedback request) {
        return service.feedback(caseNumber, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{caseNumber}/rework")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendBackHotlineCase", summary = "Send a case back for rework (发回重办)", description = "From RESOLVED or CLOSED back to "
            + "ACCEPTED, keeping the original due time; the third rework escalates the case (hotline-case-escalated.v1).")
    @APIResponse(responseCode = "200", description = "Back with the handling unit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HotlineViews.CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not resolved yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HotlineViews.CaseView sendBack(@PathParam("caseNumber") String caseNumber,
                                          @Valid @NotNull HotlineRequests.SendBack request) {
        return service.sendBack(caseNumber, request);
    }
}
