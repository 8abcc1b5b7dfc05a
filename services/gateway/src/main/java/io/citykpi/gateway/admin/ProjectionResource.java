package io.citykpi.gateway.admin;

import io.citykpi.gateway.ledger.Generation;
import io.citykpi.gateway.ledger.Generations;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.citykpi.shared.security.Callers;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/projection")
@Tag(name = "Administration", description = "Operations on the gateway's projection (city-admin only; keep behind the admin ingress)")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final Generations generations;
    private final Callers callers;

    public ProjectionResource(Generations generations, Callers callers) {
        this.generations = generations;
        this.callers = callers;
    }

    @GET
    @PermissionsAllowed(Access.ADMIN)
    @Operation(operationId = "listProjectionGenerations", summary = "Projection generations", description = "The active generation, and the one being rebuilt if any.")
    @APIResponse(responseCode = "200", description = "Newest first",
            content = @Content(schema = @Schema(implementation = Generation.class, type = SchemaType.ARRAY)))
    public List<Generation> generations() {
        return generations.list();
    }

    @POST
    @PermissionsAllowed(Access.ADMIN)
    @Path("rebuild")
    @Operation(operationId = "rebuildProjection", summary = "Rebuild the projection from the topics",
            description = "Replays every domain topic from the beginning into a new generation while KPIs are still "
                    + "served from the current one, and switches over once the new one has caught up with where the "
                    + "topics ended when the rebuild began. New events wait until then (they are not lost). Use after "
                    + "a change to the KPI engine or to recover from a damaged database.")
    @APIResponse(responseCode = "202", description = "Rebuild started",
            content = @Content(schema = @Schema(implementation = Generation.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rebuild() {
        return Response.accepted(generations.requestRebuild(callers.actor().name())).build();
    }
}
