package io.citykpi.projects.statistics;

import io.citykpi.projects.project.ProjectExamples;
import io.citykpi.projects.project.ProjectView;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/projects/{id}/statistical-registration")
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatRegistrationResource {

    private final StatRegistrationService service;

    public StatRegistrationResource(StatRegistrationService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Operation(operationId = "registerProjectStatistics", summary = "Record the project's statistical registration (入库/入统)",
            description = "Independent of the construction stage. The same date again changes nothing; another date "
                    + "corrects it. Publishes citykpi.projects.project-statistically-registered.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StatRegistrationRequest.class),
            examples = @ExampleObject(name = "registered", value = ProjectExamples.STAT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The project, now registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "project", value = ProjectExamples.PROJECT)))
    @APIResponse(responseCode = "409", description = "The project is cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cancelled", value = ProjectExamples.CANCELLED_PROBLEM)))
    public ProjectView register(@PathParam("id") UUID id, @Valid @NotNull StatRegistrationRequest request) {
        return service.register(id, request);
    }
}
