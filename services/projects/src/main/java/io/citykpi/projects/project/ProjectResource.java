package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.contract.projects.SizeClass;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "The key-project register (重点项目库)")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService service;

    public ProjectResource(ProjectService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerProject", summary = "Register a key project",
            description = "Puts a project on the register (stage PLANNED unless initialStage says otherwise) and "
                    + "publishes citykpi.projects.project-registered.v1. Money in 万元.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RegisterProjectRequest.class),
            examples = @ExampleObject(name = "carbon-fibre-propellers", value = ProjectExamples.REGISTER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "URL of the new project", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "registered", value = ProjectExamples.PROJECT)))
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
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listProjects", summary = "List projects",
            description = "Filtered, sorted and paged. orgUnit covers the unit and every unit below it (220400 = the "
                    + "whole city). q searches name and code (substring, case-insensitive).")
    @APIResponse(responseCode = "200", description = "One page of projects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "page", value = ProjectExamples.PAGE)))
    public PageView<ProjectView> list(
            @Parameter(description = "Organisation unit and everything below it", example = "220402")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @Parameter(description = "Current stage") @QueryParam("stage") ProjectStage stage,
            @Parameter(description = "Sector") @QueryParam("sector") Sector sector,
            @Parameter(description = "Size class, derived from total investment") @QueryParam("sizeClass") SizeClass sizeClass,
            @Parameter(description = "Statistically registered (入库) or not") @QueryParam("statRegistered") Boolean statRegistered,
            @Parameter(description = "Has a plan for this year", example = "2025")
            @QueryParam("planYear") @Min(2000) @Max(2100) Integer planYear,
            @Parameter(description = "Search in name and code", example = "碳纤维") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Sort fields, comma-separated, - for descending: code, name, totalInvestment, "
                    + "registeredOn, updatedAt, orgUnit, stage", example = "-totalInvestment")
            @QueryParam("sort") @DefaultValue("code") String sort,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(new ProjectFilter(orgUnit, stage, sector, sizeClass, statRegistered, planYear, q), sort, page, size);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{id}")
    @Operation(operationId = "getProject", summary = "Get a project with its plans, stage history and monthly investment")
    @APIResponse(responseCode = "200", description = "The project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectDetailView.class),
                    examples = @ExampleObject(name = "project", value = ProjectExamples.DETAIL)))
    public ProjectDetailView get(@Parameter(description = "Project id") @PathParam("id") UUID id) {
        return service.detail(id);
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateProject", summary = "Edit a project's register data",
            description = "Replaces name, org unit, sector, construction type, total investment, lead unit, location "
                    + "and description; publishes citykpi.projects.project-updated.v1 with the old and new value of "
                    + "every changed field. Send the version you read: a stale one is refused with 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateProjectRequest.class),
            examples = @ExampleObject(name = "raise-investment", value = ProjectExamples.UPDATE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The project as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "updated", value = ProjectExamples.PROJECT)))
    @APIResponse(responseCode = "409", description = "Someone changed the project since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale-version", value = ProjectExamples.STALE_PROBLEM)))
    public ProjectView update(@PathParam("id") UUID id, @Valid @NotNull UpdateProjectRequest request) {
        return service.update(id, request);
    }
}
