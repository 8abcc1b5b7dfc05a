package io.citykpi.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may call what, checked against the running service for every operation its OpenAPI document
 * lists under {@code /api/v1}: written once here, extended by one test class per service.
 *
 * <p>Each operation must declare its permission ({@code x-citykpi-permission}, documented from the
 * {@code @PermissionsAllowed} that Quarkus enforces); one without, or a write that only needs
 * {@code read}, fails {@link #everyOperationDeclaresWhoMayCallIt()}. Then, per operation:
 * <ul>
 *   <li>every operation without a token answers 401, and so does a read with an expired, foreign or
 *       malformed one;</li>
 *   <li>{@code read}: every CityKPI role gets neither 401 nor 403;</li>
 *   <li>{@code read-audit}: city-admin, leader and auditor may, a clerk and a reviewer get 403;</li>
 *   <li>{@code write}: a leader, a reviewer and an auditor get 403, a clerk of another district 403
 *       ({@code org-unit-not-covered}), the clerk of the record's unit and city-admin neither 401 nor 403;</li>
 *   <li>{@code admin}: everyone but city-admin gets 403.</li>
 * </ul>
 * A write reaches its org-unit check only with a well-formed request about a record of a known unit, so
 * each service gives a {@link Sample} for every write (a missing one fails the test, as a stale one does).
 * "Neither 401 nor 403" also excludes every 5xx: whatever the caller may do must not break.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthorizationContract {

    static final String API = "/api/v1";

    /**
     * A request that reaches a write's org-unit check: path parameters and body of a record of
     * {@code orgUnit} that exists (create it in {@link #samples()} if needed).
     */
    public record Sample(String orgUnit, Map<String, String> pathParams, String contentType, String body) {

        public static Sample json(String orgUnit, String body) {
            return new Sample(orgUnit, Map.of(), "application/json", body);
        }

        public static Sample of(String orgUnit, String contentType, String body) {
            return new Sample(orgUnit, Map.of(), contentType, body);
        }

        /** The same request with a path parameter filled, e.g. {@code .path("id", projectId)}. */
        public Sample path(String name, String value) {
            Map<String, String> params = new LinkedHashMap<>(pathParams);
            params.put(name, value);
            return new Sample(orgUnit, params, contentType, body);
        }
    }

    /** One operation of the OpenAPI document. */
    public record Operation(String method, String path, String permission, JsonNode spec) {

        public String key() {
            return method + " " + path;
        }
    }

    /**
     * For every {@code write} operation (and any {@code admin} one whose body matters), keyed
     * {@code "POST /api/v1/projects"}. Called once, with the service running.
     */
    protected abstract Map<String, Sample> samples();

    /** Values for path and query parameters of reads, by name, beyond the document's examples. */
    protected Map<String, String> parameterValues() {
        return Map.of();
    }

    @Test
    void everyOperationDeclaresWhoMayCallIt() {
        assertEquals(List.of(), undeclared(operations(document()), samplesOnce().keySet()));
    }

    @Test
    void aTokenThatIsExpiredMeantForAnotherApiOrMalformedIsRefusedWith401() {
        Operation read = operations(document()).stream().filter(op -> "read".equals(op.permission())).findFirst()
                .orElseThrow(() -> new AssertionError("the API has no read operation"));
        List<String> failures = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", Tokens.expiredAdmin());
        tokens.put("for another audience", Tokens.adminForAnotherAudience());
        tokens.put("malformed", "not-a-token");
        tokens.forEach((what, token) -> {
            Response response = send(read, token, null);
            if (response.statusCode() != 401 || !String.valueOf(response.getHeader("WWW-Authenticate")).contains("invalid_token")
                    || !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                failures.add(what + ": expected 401 problem+json with WWW-Authenticate invalid_token, got "
                        + describe(response) + " " + response.getHeader("WWW-Authenticate"));
            }
        });
        assertEquals(List.of(), failures, read.key());
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersAsItsRuleSays() {
        return operations(document()).stream()
                .filter(op -> op.permission() != null)
                .map(op -> DynamicTest.dynamicTest(op.key() + " (" + op.permission() + ")", () -> check(op)));
    }

    /** What is wrong with the declared rules: an empty list when every operation has one. */
    public static List<String> undeclared(List<Operation> operations, Set<String> sampled) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (Operation op : operations) {
            keys.add(op.key());
            if (op.permission() == null) {
                problems.add(op.key() + " declares no permission: annotate it with @PermissionsAllowed(Access...)");
                continue;
            }
            boolean changes = !"GET".equals(op.method());
            if (changes && (op.permission().equals("read") || op.permission().equals("read-audit"))) {
                problems.add(op.key() + " changes data but needs only " + op.permission());
            }
            if (op.permission().equals("write") && !sampled.contains(op.key())) {
                problems.add(op.key() + " is a write without a sample request to check its org-unit scope");
            }
        }
        sampled.stream().filter(key -> !keys.contains(key))
                .forEach(key -> problems.add("sample for " + key + ", which the OpenAPI document does not list"));
        return problems;
    }

    /** The operations under /api/v1 with the permission each declares (null when it declares none). */
    public static List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(API)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode permission = method.getValue().get("x-citykpi-permission");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                        permission == null ? null : permission.asText(), method.getValue()));
            }
        }
        return operations;
    }

    private void check(Operation op) {
        List<String> failures = new ArrayList<>();
        Sample sample = samplesOnce().get(op.key());
        expect(failures, op, "no token", null, sample, 401);
        switch (op.permission()) {
            case "read" -> {
                for (Map.Entry<String, Supplier<String>> role : everyRole(Tokens.CITY).entrySet()) {
                    allowed(failures, op, role.getKey(), role.getValue().get(), sample);
                }
            }
            case "read-audit" -> {
                allowed(failures, op, "city-admin", Tokens.admin(), sample);
                allowed(failures, op, "leader", Tokens.leader(), sample);
                allowed(failures, op, "auditor", Tokens.auditor(), sample);
                expect(failures, op, "district-clerk", Tokens.clerk(Tokens.CITY), sample, 403);
                expect(failures, op, "district-reviewer", Tokens.reviewer(Tokens.CITY), sample, 403);
            }
            case "write" -> {
                if (sample == null) {
                    failures.add("no sample request, so its org-unit scope cannot be checked");
                    break;
                }
                String unit = sample.orgUnit();
                expect(failures, op, "leader", Tokens.leader(), sample, 403);
                expect(failures, op, "district-reviewer of " + unit, Tokens.reviewer(unit), sample, 403);
                expect(failures, op, "auditor", Tokens.auditor(), sample, 403);
                Response other = send(op, Tokens.clerk(otherDistrict(unit)), sample);
                if (other.statusCode() != 403 || !other.asString().contains("org-unit-not-covered")) {
                    failures.add("district-clerk of " + otherDistrict(unit) + " writing for " + unit
                            + ": expected 403 org-unit-not-covered, got " + describe(other));
                }
                allowed(failures, op, "district-clerk of " + unit, Tokens.clerk(unit), sample);
                allowed(failures, op, "city-admin", Tokens.admin(), sample);
            }
            case "admin" -> {
                expect(failures, op, "leader", Tokens.leader(), sample, 403);
                expect(failures, op, "district-clerk", Tokens.clerk(Tokens.CITY), sample, 403);
                expect(failures, op, "district-reviewer", Tokens.reviewer(Tokens.CITY), sample, 403);
                expect(failures, op, "auditor", Tokens.auditor(), sample, 403);
                allowed(failures, op, "city-admin", Tokens.admin(), sample);
            }
            default -> failures.add("unknown permission " + op.permission());
        }
        assertEquals(List.of(), failures, op.key());
    }

    private static Map<String, Supplier<String>> everyRole(String unit) {
        Map<String, Supplier<String>> roles = new LinkedHashMap<>();
        roles.put("city-admin", Tokens::admin);
        roles.put("leader", Tokens::leader);
        roles.put("district-clerk", () -> Tokens.clerk(unit));
        roles.put("district-reviewer", () -> Tokens.reviewer(unit));
        roles.put("auditor", Tokens::auditor);
        return roles;
    }

    /** A district whose clerk covers neither {@code unit} nor anything above it. */
    static String otherDistrict(String unit) {
        return "220403".equals(unit) ? "220402" : "220403";
    }

    private void expect(List<String> failures, Operation op, String who, String token, Sample sample, int status) {
        Response response = send(op, token, sample);
        if (response.statusCode() != status) {
            failures.add(who + ": expected " + status + ", got " + describe(response));
        } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(who + ": " + status + " is not problem+json but " + response.contentType());
        }
    }

    private void allowed(List<String> failures, Operation op, String who, String token, Sample sample) {
        Response response = send(op, token, sample);
        int status = response.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(who + ": expected neither 401 nor 403 (nor 5xx), got " + describe(response));
        }
    }

    private Response send(Operation op, String token, Sample sample) {
        RequestSpecification request = token == null ? given().auth().none() : given().auth().oauth2(token);
        request.accept("application/json");
        for (JsonNode parameter : op.spec().path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if ("path".equals(in)) {
                String value = sample != null && sample.pathParams().containsKey(name) ? sample.pathParams().get(name)
                        : value(parameter);
                request.pathParam(name, value);
            } else if ("query".equals(in) && parameter.path("required").asBoolean()) {
                request.queryParam(name, value(parameter));
            }
        }
        if (!"GET".equals(op.method()) && !"DELETE".equals(op.method())) {
            request.contentType(sample == null ? "application/json" : sample.contentType())
                    .body(sample == null ? "{}" : sample.body());
        }
        return request.request(op.method(), op.path());
    }

    /** A well-formed value for a parameter: the service's choice, the document's example, else one by type. */
    private String value(JsonNode parameter) {
        String name = parameter.path("name").asText();
        String chosen = parameterValues().get(name);
        if (chosen != null) {
            return chosen;
        }
        JsonNode schema = parameter.path("schema");
        for (JsonNode example : List.of(parameter.path("example"), schema.path("example"), schema.path("examples").path(0),
                schema.path("enum").path(0))) {
            if (!example.isMissingNode() && !example.isNull()) {
                return example.asText();
            }
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if (schema.path("type").asText().equals("integer")) {
            return "2025";
        }
        return name.toLowerCase().contains("month") ? "2025-04" : name.toLowerCase().contains("orgunit") ? Tokens.CITY : "x";
    }

    private static String describe(Response response) {
        String body = response.asString();
        return response.statusCode() + (body.isBlank() ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }

    private Map<String, Sample> samples;

    private Map<String, Sample> samplesOnce() {
        if (samples == null) {
            samples = Map.copyOf(samples());
        }
        return samples;
    }

    private static JsonNode document() {
        try {
            return new ObjectMapper().readTree(given().auth().none().queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
