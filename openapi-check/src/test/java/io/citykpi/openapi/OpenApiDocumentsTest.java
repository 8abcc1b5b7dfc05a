package io.citykpi.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a front-end team needs from each service's OpenAPI document before it generates a client from it: examples
 * that fit their schemas, an operation id on every operation, typed headers, a server, months typed as the
 * strings the API sends, and the standard problem responses. Reads the documents the services' builds wrote to
 * {@code services/<service>/target/openapi/openapi.json} (the same document /q/openapi serves, before the
 * runtime filter that points the security scheme at the deployment's realm).
 */
class OpenApiDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Formats are asserted: an example date-time that is not one is as wrong as a number that is a string.
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static JsonNode document(String service) throws IOException {
        Path file = Path.of("..", "services", service, "target", "openapi", "openapi.json");
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is missing: the service's build writes it "
                + "(quarkus.smallrye-openapi.store-schema-directory); build the service before this module");
        return JSON.readTree(file.toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects", "investment", "livelihood", "safety-inspection", "gateway"})
    void everyExampleFitsItsSchema(String service) throws IOException {
        JsonNode api = document(service);
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        forEachOperation(api, (name, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                String where = name + " parameter " + parameter.path("name").asText();
                checkExample(api, parameter.path("schema"), parameter.get("example"), where, problems, checked);
                parameter.path("examples").fields().forEachRemaining(e -> checkExample(api, parameter.path("schema"),
                        e.getValue().get("value"), where + " example " + e.getKey(), problems, checked));
            }
            checkContent(api, operation.path("requestBody").path("content"), name + " request body", problems, checked);
            operation.path("responses").fields().forEachRemaining(response -> checkContent(api,
                    response.getValue().path("content"), name + " " + response.getKey(), problems, checked));
        });
        api.path("components").path("schemas").fields().forEachRemaining(schema -> checkSchemaExamples(api,
                "/components/schemas/" + schema.getKey(), schema.getValue(), problems, checked));
        assertEquals(List.of(), problems, service + ": examples that break their schemas");
        assertTrue(checked[0] >= 20, service + ": only " + checked[0] + " examples checked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects", "investment", "livelihood", "safety-inspection", "gateway"})
    void everyOperationHasAUniqueCamelCaseId(String service) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        forEachOperation(document(service), (name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!CAMEL_CASE.matcher(id).matches()) {
                problems.add(name + " has the operation id '" + id + "'");
            } else if (!ids.add(id)) {
                problems.add(name + " repeats the operation id " + id);
            }
        });
        assertEquals(List.of(), problems, service);
        assertFalse(ids.isEmpty(), service + " documents no operation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects", "investment", "livelihood", "safety-inspection", "gateway"})
    void headersServersAndMonthsAreTyped(String service) throws IOException {
        JsonNode api = document(service);
        List<String> problems = new ArrayList<>();
        if (api.path("servers").isEmpty() || api.path("servers").path(0).path("url").asText("").isBlank()) {
            problems.add("no server");
        }
        forEachOperation(api, (name, operation) -> operation.path("responses").fields().forEachRemaining(response ->
                response.getValue().path("headers").fields().forEachRemaining(header -> {
                    if (!header.getValue().has("schema") && !header.getValue().has("content")) {
                        problems.add(name + " " + response.getKey() + ": header " + header.getKey() + " has no schema");
                    }
                })));
        JsonNode month = api.path("components").path("schemas").path("java.time.YearMonth");
        if (!month.isMissingNode()) {
            if (!month.path("type").asText().equals("string") || !month.has("pattern")
                    || !Pattern.compile(month.path("pattern").asText()).matcher("2025-03").find()) {
                problems.add("YearMonth is not documented as the yyyy-MM string the API sends: " + month);
            }
        }
        assertEquals(List.of(), problems, service);
    }

    /** The standard problem responses, from ProblemResponsesFilter: each operation's shape decides which. */
    @ParameterizedTest
    @ValueSource(strings = {"projects", "investment", "livelihood", "safety-inspection", "gateway"})
    void everyOperationDocumentsItsProblems(String service) throws IOException {
        JsonNode api = document(service);
        List<String> problems = new ArrayList<>();
        forEachOperation(api, (name, operation) -> {
            List<String> expected = new ArrayList<>(List.of("400", "500", "503"));
            if (name.contains(" /api/")) {
                expected.addAll(List.of("401", "403"));
            }
            if (!name.startsWith("GET ")) {
                expected.add("409");
            }
            if (operation.has("requestBody")) {
                expected.add("413");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asText().equals("path")) {
                    expected.add("404");
                }
            }
            for (String status : expected) {
                JsonNode media = operation.path("responses").path(status).path("content").path("application/problem+json");
                if (media.isMissingNode()) {
                    problems.add(name + " does not document its " + status + " as application/problem+json");
                } else if (!media.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                    problems.add(name + " " + status + " is not a Problem");
                }
            }
        });
        assertEquals(List.of(), problems, service);
    }

    private static void checkContent(JsonNode api, JsonNode content, String where, List<String> problems, int[] checked) {
        content.fields().forEachRemaining(media -> {
            JsonNode schema = media.getValue().path("schema");
            String at = where + " " + media.getKey();
            if (media.getKey().startsWith("text/")) {
                // A CSV answer is text: its example must be the text, not a JSON document.
                media.getValue().path("examples").fields().forEachRemaining(example -> {
                    checked[0]++;
                    if (!example.getValue().path("value").isTextual()) {
                        problems.add(at + " example " + example.getKey() + " is not text");
                    }
                });
                return;
            }
            checkExample(api, schema, media.getValue().get("example"), at, problems, checked);
            media.getValue().path("examples").fields().forEachRemaining(example -> checkExample(api, schema,
                    example.getValue().get("value"), at + " example " + example.getKey(), problems, checked));
        });
    }

    private static void checkSchemaExamples(JsonNode api, String pointer, JsonNode schema, List<String> problems,
            int[] checked) {
        if (!schema.isObject()) {
            return;
        }
        for (JsonNode example : schema.path("examples")) {
            checkExample(api, JSON.createObjectNode().put("$ref", "#" + pointer), example, "schema " + pointer,
                    problems, checked);
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            checkSchemaExamples(api, pointer + "/properties/" + property.getKey().replace("~", "~0").replace("/", "~1"),
                    property.getValue(), problems, checked);
        }
        if (schema.has("items")) {
            checkSchemaExamples(api, pointer + "/items", schema.path("items"), problems, checked);
        }
        for (String group : List.of("anyOf", "oneOf", "allOf")) {
            for (int i = 0; i < schema.path(group).size(); i++) {
                checkSchemaExamples(api, pointer + "/" + group + "/" + i, schema.path(group).path(i), problems, checked);
            }
        }
    }

    private static void checkExample(JsonNode api, JsonNode schema, JsonNode example, String where,
            List<String> problems, int[] checked) {
        if (example == null || schema.isMissingNode()) {
            return;
        }
        checked[0]++;
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", api.path("components"));
        root.setAll((ObjectNode) schema.deepCopy());
        Set<ValidationMessage> messages = SCHEMAS.getSchema(root, STRICT).validate(example);
        messages.forEach(m -> problems.add(where + ": " + m.getMessage()));
    }

    private static void forEachOperation(JsonNode api, java.util.function.BiConsumer<String, JsonNode> action) {
        Map<String, JsonNode> operations = new HashMap<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }));
        new java.util.TreeMap<>(operations).forEach(action);
    }
}
