package io.citykpi.gateway.kpi;

import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.Rulebook;
import io.citykpi.gateway.query.SourceLinks;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The records behind KPI values, read through the gateway: a browser that only reaches the gateway can
 * follow an explanation down to the project, case or hazard in the service that owns it. The caller's
 * token is passed on, so the owning service decides what it may see.
 */
@Path("/api/v1/records")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    private static final Logger LOG = Logger.getLogger(RecordResource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Rulebook rulebook;
    private final SourceLinks links;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public RecordResource(Rulebook rulebook, SourceLinks links) {
        this.rulebook = rulebook;
        this.links = links;
    }

    /** The gateway path of a record, as explanations give it. */
    public static String path(String kind, String id) {
        return "/api/v1/records/" + kind + "/" + id;
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("{kind}/{id: .+}")
    @Operation(operationId = "getRecord", summary = "A record behind a KPI value, from the service that owns it",
            description = "Kinds: project, deal, fixed-asset-investment, programme, assistance, employment, hotline-case, "
                    + "inspection, hazard; ids as explanations give them (monthly reports: <orgUnit>/<yyyy-MM>[/<category>], "
                    + "answered with the unit's year). The answer is the owning service's, passed through with its status.")
    @APIResponse(responseCode = "200", description = "The record as its service shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "503", description = "The owning service did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(
            @Parameter(description = "Record kind", example = "project") @PathParam("kind") String kind,
            @Parameter(description = "Record id", example = "6f1c2d4e-8a1b-4f7e-9c3d-2b5a7e9f1c3d") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        LedgerRules rules = rulebook.forRecordKind(kind)
                .orElseThrow(() -> ProblemException.notFound("record kind", kind));
        if (!id.matches("[A-Za-z0-9_\\-./]{1,200}") || id.contains("..")) {
            throw ProblemException.notFound(kind, id);
        }
        URI target = URI.create(links.link(rules.source(), rules.path(kind, id)));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT).GET()
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Response.status(answer.statusCode()).entity(answer.body())
                    .type(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON))
                    .build();
        } catch (IOException e) {
            LOG.warnf("%s did not answer for %s %s: %s", target.getHost(), kind, id, e.getMessage());
            throw new ProblemException(503, "source-unavailable", "Source service unavailable",
                    "The service that owns " + kind + " records did not answer", Map.of("kind", kind));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "source-unavailable", "Source service unavailable", "interrupted", Map.of());
        }
    }
}
