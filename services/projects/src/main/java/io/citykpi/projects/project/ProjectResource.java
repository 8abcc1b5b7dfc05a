package io.citykpi.projects.project;

import io.citykpi.shared.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "The key-project register (重点项目库)")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService service;

    public ProjectResource(ProjectService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a key project",
            description = "Puts a project on the register in stage PLANNED and publishes "
                    + "citykpi.projects.project-registered.v1. Money in 万元.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RegisterProjectRequest.class),
            examples = @ExampleObject(name = "carbon-fibre-propellers", value = ProjectExamples.REGISTER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "URL of the new project"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "registered", value = ProjectExamples.PROJECT)))
    @APIResponse(responseCode = "400", description = "A field is missing or breaks a rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProjectExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The code is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate-code", value = ProjectExamples.DUPLICATE_PROBLEM)))
    public Response register(@Valid @NotNull RegisterProjectRequest request, @Context UriInfo uri) {
        ProjectView project = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(project.id().toString()).build())
                .entity(project)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a project", description = "One project as it stands now.")
    @APIResponse(responseCode = "200", description = "The project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "project", value = ProjectExamples.PROJECT)))
    @APIResponse(responseCode = "404", description = "No project with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = ProjectExamples.NOT_FOUND_PROBLEM)))
    public ProjectView get(@Parameter(description = "Project id") @PathParam("id") UUID id) {
        return service.get(id);
    }
}
