package io.citykpi.projects.stage;

import io.citykpi.projects.project.ProjectExamples;
import io.citykpi.projects.project.ProjectView;
import io.citykpi.shared.idempotency.Idempotent;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{id}/stage-transitions")
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StageResource {

    private final StageService service;

    public StageResource(StageService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Operation(operationId = "transitionProjectStage", summary = "Move a project to its next stage",
            description = "Legal moves: PLANNED→RESERVE→PREPARATION→UNDER_CONSTRUCTION→COMPLETED→IN_PRODUCTION; "
                    + "UNDER_CONSTRUCTION↔SUSPENDED (停缓建/复工); CANCELLED from any stage before COMPLETED. "
                    + "Publishes citykpi.projects.project-stage-changed.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StageTransitionRequest.class),
            examples = @ExampleObject(name = "construction-started", value = ProjectExamples.TRANSITION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The project in its new stage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "project", value = ProjectExamples.PROJECT)))
    @APIResponse(responseCode = "409", description = "Not a legal move from the current stage (the problem lists the "
            + "allowed next stages), or a date before the previous stage change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "illegal-transition", value = ProjectExamples.ILLEGAL_TRANSITION_PROBLEM),
                            @ExampleObject(name = "date-before-previous", value = ProjectExamples.DATE_BEFORE_PREVIOUS_PROBLEM)}))
    public ProjectView transition(@PathParam("id") UUID id, @Valid @NotNull StageTransitionRequest request) {
        return service.transition(id, request);
    }
}
