package io.citykpi.shared.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The problem responses every operation can answer, documented once here instead of on each resource method:
 * which ones an operation gets follows from its shape, the same rules the shared request handling applies.
 * <ul>
 *   <li>every operation: 400 (an undeclared query parameter is refused everywhere, see RequestParameterFilter),
 *       500 and 503;</li>
 *   <li>a request body: 413 (RequestLimits);</li>
 *   <li>a path parameter: 404 (the record it names does not exist);</li>
 *   <li>a write (POST, PUT, DELETE): 409 (a lost race, ProblemMappers);</li>
 *   <li>everything under /api/: 401 and 403 (bearer token and permission, SecurityProblems).</li>
 * </ul>
 * A response a resource declares itself (with content) is kept as it is: resources declare only those that carry
 * information of their own (a duplicate code, an illegal stage transition). The bare 400, 401 and 403 that Quarkus
 * adds by itself are replaced. Each added response has an example that is a
 * valid Problem with the operation's own path as {@code instance}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final String ACCEPTS = "What every operation accepts:";
    private static final String RULES = " business dates from 2000-01-01 to today (Asia/Shanghai; deadlines up to 3 "
            + "years and planned months up to 10 years ahead), months (yyyy-MM) that have begun; strict JSON (no "
            + "duplicate or unknown keys, nothing after the document, enums by name, no numbers as strings or strings "
            + "as numbers, whole numbers for counts, dates as ISO strings); no NUL character anywhere; only the query "
            + "parameters an operation declares; URIs up to 8 KiB and bodies up to 10 MiB. Every refusal is "
            + "problem+json naming the field and the rule. A POST that creates a record takes an Idempotency-Key "
            + "header. A lost race is a 409; an unreachable database a 503 with Retry-After.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Info info = openAPI.getInfo();
        if (info != null && info.getDescription() != null && !info.getDescription().contains(ACCEPTS)) {
            info.setDescription(info.getDescription() + "\n\n" + ACCEPTS + RULES);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        List<String> pathParameters = parameters(operation, Parameter.In.PATH);
        List<String> queryParameters = parameters(operation, Parameter.In.QUERY);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean secured = path.startsWith("/api/");

        String firstParameter = !queryParameters.isEmpty() ? queryParameters.get(0)
                : !pathParameters.isEmpty() ? pathParameters.get(0) : "page";
        add(responses, "400", badRequest(body, pathParameters, queryParameters), example(400, "validation",
                "Request is not valid", "1 field is not valid", path, body
                        ? List.of(fieldError("(body)", "ValidJson", "is not a JSON document of the expected shape"))
                        : queryParameters.isEmpty() && pathParameters.isEmpty()
                        ? List.of(fieldError(firstParameter, "UnknownParameter",
                                "is not a parameter of this operation, which takes none"))
                        : List.of(fieldError(firstParameter, "Format", "is not a valid value")), Map.of()));
        if (secured) {
            APIResponse unauthorized = problem("No bearer token, or one that is expired, malformed, not signed by the "
                    + "realm citykpi or not meant for the audience citykpi-api", example(401, "unauthorized",
                    "Authentication required", "A bearer token is required: send Authorization: Bearer <access token> "
                            + "with a token of the city's Keycloak (realm citykpi, audience citykpi-api)", path,
                    List.of(), Map.of()));
            unauthorized.addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("The bearer challenge (RFC 6750), with error=\"invalid_token\" for a refused token")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
            addIfAbsent(responses, "401", unauthorized);
            add(responses, "403", write
                    ? "The caller's roles do not allow it, or (a district clerk) the org unit written is not its own "
                            + "or below it"
                    : "The caller's roles do not allow it", example(403, "forbidden", "Not allowed",
                    "the caller may not call this operation: it needs the permission " + (write ? "write" : "read"),
                    path, List.of(), Map.of()));
        }
        if (!pathParameters.isEmpty()) {
            add(responses, "404", "Not found: no such " + String.join(" or ", pathParameters), example(404,
                    "not-found", "Not found", "there is no " + pathParameters.get(0) + " like this one", path,
                    List.of(), Map.of()));
        }
        if (write) {
            add(responses, "409", "The request conflicts with the record's current state, or another request changed "
                    + "it at the same time: read it again and retry", example(409, "concurrent-modification",
                    "Conflict with the current state", "Another request changed the same record at the same time; "
                            + "read it again and retry", path, List.of(), Map.of()));
        }
        if (body) {
            add(responses, "413", "The body is over 10 MiB", example(413, "payload-too-large", "Content Too Large",
                    "The body is 10485761 bytes long; at most 10485760 are accepted", path, List.of(), Map.of()));
        }
        add(responses, "500", "Unexpected error; the details are in the service's log", example(500, "internal",
                "Internal error", "The request could not be completed; the error has been logged", path, List.of(),
                Map.of()));
        APIResponse unavailable = problem("The service's database cannot be reached; nothing was changed. Retry "
                + "after the number of seconds in Retry-After", example(503, "database-unavailable",
                "Service unavailable", "The service's database (PostgreSQL) cannot be reached; nothing was changed. "
                        + "Try again later", path, List.of(), Map.of()));
        unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        addIfAbsent(responses, "503", unavailable);
    }

    private static String badRequest(boolean body, List<String> pathParameters, List<String> queryParameters) {
        List<String> what = new ArrayList<>();
        if (body) {
            what.add("the body is not strict JSON of the documented shape or a field breaks a rule");
        }
        if (!pathParameters.isEmpty() || !queryParameters.isEmpty()) {
            what.add("a parameter is malformed or breaks a rule");
        }
        what.add("a query parameter the operation does not declare");
        String text = String.join("; ", what);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + " (each field named with its rule)";
    }

    private static List<String> parameters(Operation operation, Parameter.In in) {
        List<String> names = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getIn() == in && p.getName() != null)
                    .forEach(p -> names.add(p.getName()));
        }
        return names;
    }

    private static void add(APIResponses responses, String status, String description, Map<String, Object> example) {
        addIfAbsent(responses, status, problem(description, example));
    }

    /** Keeps a response the resource declared with content; replaces a bare one (Quarkus adds "Not Authorized"). */
    private static void addIfAbsent(APIResponses responses, String status, APIResponse response) {
        APIResponse declared = responses.getAPIResponse(status);
        if (declared == null || declared.getContent() == null || declared.getContent().getMediaTypes().isEmpty()) {
            responses.addAPIResponse(status, response);
        }
    }

    private static APIResponse problem(String description, Map<String, Object> example) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .addExample(String.valueOf(example.get("type")).substring(Problem.TYPE_BASE.length()),
                        OASFactory.createExample().value(example));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** A problem as Problems.response writes it (empty lists and maps left out, as Jackson leaves them out). */
    private static Map<String, Object> example(int status, String slug, String title, String detail, String path,
            List<Map<String, Object>> errors, Map<String, Object> context) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problem.TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        if (!context.isEmpty()) {
            problem.put("context", context);
        }
        return problem;
    }

    private static Map<String, Object> fieldError(String field, String rule, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("rule", rule);
        error.put("message", message);
        return error;
    }
}
