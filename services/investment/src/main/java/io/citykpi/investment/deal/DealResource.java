package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealSizeClass;
import io.citykpi.shared.contract.investment.DealStatus;
import io.citykpi.shared.idempotency.Idempotent;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.sector.Sector;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("/api/v1/deals")
@Tag(name = "Deals", description = "Investment attraction (招商引资): signed deals, funds arrived, contract amendments")
@Produces(MediaType.APPLICATION_JSON)
public class DealResource {

    private final DealService service;

    public DealResource(DealService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signDeal", summary = "Record a signed deal", description = "Status SIGNED from the signing date; publishes "
            + "citykpi.investment.deal-signed.v1. Contract amount in 万元.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DealRequests.SignDeal.class),
            examples = @ExampleObject(name = "carbon-fibre", value = DealExamples.SIGN)))
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location", description = "URL of the new deal", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DealViews.DealView.class),
                    examples = @ExampleObject(name = "deal", value = DealExamples.DEAL)))
    public Response sign(@Valid @NotNull DealRequests.SignDeal request, @Context UriInfo uri) {
        DealViews.DealView deal = service.sign(request);
        return Response.created(uri.getAbsolutePathBuilder().path(deal.id().toString()).build()).entity(deal).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listDeals", summary = "List deals", description = "Filtered, sorted and paged; orgUnit covers the units below it.")
    @APIResponse(responseCode = "200", description = "One page of deals", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = DealExamples.PAGE)))
    public PageView<DealViews.DealView> list(
            @Parameter(description = "Organisation unit and everything below it", example = "220402")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @QueryParam("status") DealStatus status,
            @QueryParam("sector") Sector sector,
            @Parameter(description = "Size class of the contract amount") @QueryParam("sizeClass") DealSizeClass sizeClass,
            @Parameter(description = "Signed on or after", example = "2025-01-01") @QueryParam("signedFrom") LocalDate signedFrom,
            @Parameter(description = "Signed on or before", example = "2025-12-31") @QueryParam("signedTo") LocalDate signedTo,
            @Parameter(description = "Investor origin (province or country), exact", example = "广东省")
            @QueryParam("origin") @Size(max = 100) String origin,
            @Parameter(description = "signedOn, contractAmount, name, orgUnit, status, updatedAt; - for descending",
                    example = "-contractAmount") @QueryParam("sort") @DefaultValue("-signedOn") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(new DealFilter(orgUnit, status, sector, sizeClass, signedFrom, signedTo, origin), sort, page, size);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{id}")
    @Operation(operationId = "getDeal", summary = "Get a deal with its arrivals, amendments and status history")
    @APIResponse(responseCode = "200", description = "The deal", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DealViews.DealDetail.class),
            examples = @ExampleObject(name = "deal", value = DealExamples.DETAIL)))
    public DealViews.DealDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/status-transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeDealStatus", summary = "Move a deal to its next status",
            description = "SIGNED → STARTED → IN_PRODUCTION; TERMINATED from SIGNED or STARTED. Publishes "
                    + "citykpi.investment.deal-status-changed.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DealRequests.ChangeStatus.class),
            examples = @ExampleObject(name = "started", value = DealExamples.STATUS)))
    @APIResponse(responseCode = "200", description = "The deal in its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DealViews.DealView.class),
                    examples = @ExampleObject(name = "deal", value = DealExamples.DEAL)))
    @APIResponse(responseCode = "409", description = "Not a legal move (the problem lists the allowed ones), or a date "
            + "before the current status began",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal", value = DealExamples.ILLEGAL_STATUS)))
    public DealViews.DealView changeStatus(@PathParam("id") UUID id, @Valid @NotNull DealRequests.ChangeStatus request) {
        return service.changeStatus(id, request);
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/arrivals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordFundsArrived", summary = "Record funds that arrived (到位资金)",
            description = "The deal's arrivals may never add up to more than its contract amount: amend the contract "
                    + "first if it grew. Refused for terminated deals and before the signing date. Publishes "
                    + "citykpi.investment.funds-arrived.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DealRequests.ArriveFunds.class),
            examples = @ExampleObject(name = "arrival", value = DealExamples.ARRIVAL)))
    @APIResponse(responseCode = "201", description = "Recorded, with the deal's new totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DealService.ArrivalResult.class),
                    examples = @ExampleObject(name = "arrived", value = DealExamples.ARRIVAL_RESULT)))
    @APIResponse(responseCode = "409", description = "Above the contract amount, deal terminated, or before signing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "over-contract", value = DealExamples.OVER_ARRIVAL)))
    public Response arrive(@PathParam("id") UUID id, @Valid @NotNull DealRequests.ArriveFunds request) {
        return Response.status(Response.Status.CREATED).entity(service.arrive(id, request)).build();
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Path("{id}/contract-amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "amendDealContract", summary = "Amend the contract amount",
            description = "The only way the contract amount changes; kept with its reason and published as "
                    + "citykpi.investment.contract-amended.v1. Never below the funds already arrived.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DealRequests.AmendContract.class),
            examples = @ExampleObject(name = "phase-two", value = DealExamples.AMEND)))
    @APIResponse(responseCode = "200", description = "The deal with its new contract amount",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DealViews.DealView.class),
                    examples = @ExampleObject(name = "deal", value = DealExamples.DEAL)))
    @APIResponse(responseCode = "409", description = "Below the funds already arrived, unchanged, terminated, or "
            + "before signing", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "below-arrived", value = DealExamples.BELOW_ARRIVED)))
    public DealViews.DealView amend(@PathParam("id") UUID id, @Valid @NotNull DealRequests.AmendContract request) {
        return service.amend(id, request);
    }
}
