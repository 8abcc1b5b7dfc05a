package io.citykpi.projects.plan;

import io.citykpi.projects.project.ProjectDetailView;
import io.citykpi.projects.project.ProjectExamples;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{id}/plans/{year}")
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService service;

    public PlanResource(PlanService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Operation(operationId = "setProjectPlan", summary = "Set a project's plan for a year",
            description = "Planned investment (万元) and planned start, completion and production months: the "
                    + "denominators of start rate and investment completion rate. Setting it again replaces it; "
                    + "publishes citykpi.projects.project-plan-set.v1 with the previous plan.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanRequest.class),
            examples = @ExampleObject(name = "plan-2025", value = ProjectExamples.PLAN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Plan set for the first time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectDetailView.PlanView.class),
                    examples = @ExampleObject(name = "plan", value = ProjectExamples.PLAN)))
    @APIResponse(responseCode = "200", description = "Plan replaced (or unchanged)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectDetailView.PlanView.class),
                    examples = @ExampleObject(name = "plan", value = ProjectExamples.PLAN)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (months out of order, phasing not adding up)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "phasing", value = ProjectExamples.PLAN_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The project is cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cancelled", value = ProjectExamples.CANCELLED_PROBLEM)))
    public Response set(@PathParam("id") UUID id,
                        @Parameter(description = "Plan year", example = "2025") @PathParam("year") @Min(2000) @Max(2100) int year,
                        @Valid @NotNull PlanRequest request) {
        PlanService.Result result = service.set(id, year, request);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result.plan()).build();
    }
}
