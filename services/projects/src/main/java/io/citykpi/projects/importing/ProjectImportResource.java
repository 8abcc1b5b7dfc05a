package io.citykpi.projects.importing;

import io.citykpi.shared.idempotency.Idempotent;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/import")
@Tag(name = "Projects")
public class ProjectImportResource {

    static final String CSV_EXAMPLE = """
            项目编码,项目名称,所属单位代码,行业,建设性质,总投资(万元),责任单位,建设地点,项目简介,登记日期,当前阶段
            LY-2025-0001,北方碳纤维无人机螺旋桨项目,220402,新材料,新建,32000.00,龙山区发展和改革局,龙山区,,2025-02-10,谋划
            DF-2025-0007,东丰县梅花鹿产业园,220421,农产品及食品,续建,18000,东丰县农业农村局,东丰县,,2025-01-15,开工
            """;

    static final String RESULT_EXAMPLE = """
            {"imported":2,"projects":[{"line":2,"id":"0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","code":"LY-2025-0001"},\
            {"line":3,"id":"5d0a1c4e-7b7e-4a2b-8f3e-1c2d3e4f5a6b","code":"DF-2025-0007"}]}""";

    static final String ERRORS_EXAMPLE = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"2 fields are not valid","instance":"/api/v1/projects/import","errors":[\
            {"field":"rows[3].totalInvestment","rule":"Type","message":"must be a number of 万元, was '1.8亿'"},\
            {"field":"rows[5].code","rule":"UniqueInFile","message":"code LY-2025-0001 is also on line 2"}]}""";

    private final ProjectImportService service;

    public ProjectImportResource(ProjectImportService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(Access.WRITE)
    @Idempotent
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importProjects", summary = "Import projects from a spreadsheet (CSV)",
            description = """
                    CSV, one project per row, all or nothing: if any row \
                    breaks a rule nothing is imported and the answer lists every error as rows[<line>].<field>, the \
                    header being line 1. Columns (Chinese header or field name): 项目编码 code*, 项目名称 name*, \
                    所属单位代码 orgUnit*, 行业 sector* (code or Chinese name), 建设性质 constructionType* \
                    (新建/续建/扩建/技改), 总投资(万元) totalInvestment*, 责任单位 leadUnit, 建设地点 location, \
                    项目简介 description, 登记日期 registeredOn (yyyy-MM-dd), 当前阶段 initialStage (code or Chinese \
                    name). * = required. At most 5000 rows. Each row publishes project-registered.v1.

                    Encoding: the charset of the Content-Type (text/csv; charset=GBK) is honoured; without one, a \
                    byte-order mark decides, else UTF-8 and then GB18030 (which covers GBK, the encoding of Excel on \
                    Chinese Windows) are tried. A file that is valid in neither, an unknown charset (415), or a cell \
                    holding U+FFFD (a character already lost in an earlier conversion) or NUL is refused.

                    Cells are stored as typed: a cell starting with =, +, - or @ is text, not a formula, and every \
                    CSV export of the platform writes such text with a leading apostrophe so that a spreadsheet \
                    never runs it.""")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "two-projects", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Every row was registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class),
                    examples = @ExampleObject(name = "imported", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "At least one row breaks a rule, or the bytes are not valid in "
            + "their charset; nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "row-errors", value = ERRORS_EXAMPLE)))
    @APIResponse(responseCode = "415", description = "A charset that is not known (send UTF-8, GB18030 or GBK)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCsv(byte[] body, @Context HttpHeaders headers) {
        String charset = headers.getMediaType() == null ? null : headers.getMediaType().getParameters().get("charset");
        return Response.status(Response.Status.CREATED)
                .entity(service.importCsv(CsvCharset.decode(body, charset))).build();
    }
}
