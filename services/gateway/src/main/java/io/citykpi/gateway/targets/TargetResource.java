package io.citykpi.gateway.targets;

import io.citykpi.gateway.csv.CsvWriter;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets")
@Tag(name = "Targets", description = "The work report's targets per year, KPI and org unit; every change is audited "
        + "and published on Kafka topic citykpi.gateway.v1")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class TargetResource {

    private final TargetService service;

    public TargetResource(TargetService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.ADMIN)
    @Path("{year}/{kpiId}/{orgUnit}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTarget", summary = "Set a target",
            description = "Creates or replaces the target of a KPI for a unit and year, in the KPI's unit (万元 for money, "
                    + "% for rates). Cumulative KPIs may be time-phased with cumulative checkpoints by quarter or month; "
                    + "without phasing the target is expected evenly over the days of the year. Send the version you "
                    + "read to refuse overwriting a change you have not seen. The change is audited and published "
                    + "(citykpi.gateway.target-set.v1) in one transaction.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TargetRequest.class),
            examples = @ExampleObject(name = "phased-start-rate", value = TargetExamples.PHASED)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TargetView.class),
                    examples = @ExampleObject(name = "target", value = TargetExamples.VIEW)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid value or phasing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "phasing-falls", value = TargetExamples.BAD_PHASING)))
    @APIResponse(responseCode = "409", description = "The target changed since the version sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(
            @Parameter(example = "2025") @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(example = "projects.start-rate") @PathParam("kpiId") String kpiId,
            @Parameter(example = "220471") @PathParam("orgUnit") String orgUnit,
            @Valid @NotNull TargetRequest request) {
        TargetService.Saved saved = service.put(year, kpiId, orgUnit, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.target()).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{year}/{kpiId}/{orgUnit}")
    @Operation(operationId = "getTarget", summary = "Read a target",
            description = "The unit's own target, or for counts and sums the sum of the targets set for the units "
                    + "below it (source SUM_OF_CHILDREN).")
    @APIResponse(responseCode = "200", description = "The target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    public TargetView get(@PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("kpiId") String kpiId,
                          @PathParam("orgUnit") String orgUnit) {
        return service.get(year, kpiId, orgUnit);
    }

    @DELETE
    @PermissionsAllowed(Access.ADMIN)
    @Path("{year}/{kpiId}/{orgUnit}")
    @Operation(operationId = "deleteTarget", summary = "Remove a target", description = "The removal is audited and published (target-removed) like any change.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("kpiId") String kpiId,
                       @PathParam("orgUnit") String orgUnit) {
        service.delete(year, kpiId, orgUnit);
    }

    @GET
    @PermissionsAllowed(Access.READ_AUDIT)
    @Path("{year}/{kpiId}/{orgUnit}/history")
    @Operation(operationId = "getTargetHistory", summary = "Audit trail of a target", description = "Every change, oldest first: who (user name and "
            + "token subject), when, before and after. For city-admin, leader and auditor.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(schema = @Schema(implementation = TargetView.Change.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<TargetView.Change> history(@PathParam("year") @Min(2000) @Max(2100) int year,
                                           @PathParam("kpiId") String kpiId, @PathParam("orgUnit") String orgUnit) {
        return service.history(year, kpiId, orgUnit);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listTargets", summary = "List the targets of a year", description = "Explicit targets only. Also as CSV.")
    @APIResponse(responseCode = "200", description = "The targets",
            content = @Content(schema = @Schema(implementation = TargetView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<TargetView> list(@Parameter(example = "2025") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
                                 @Parameter(example = "livelihood.old-estate-renovation-area") @QueryParam("kpiId") String kpiId,
                                 @Parameter(example = "220421") @QueryParam("orgUnit") @OrgUnitCode String orgUnit) {
        return service.list(year, kpiId, orgUnit);
    }
}
