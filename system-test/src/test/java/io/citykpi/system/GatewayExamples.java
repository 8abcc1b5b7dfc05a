package io.citykpi.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The gateway's OpenAPI examples are its real answers to the Liaoyuan demo. The requests are listed in the
 * gateway's {@code openapi/examples/examples.json} (which the ExampleFiles filter reads to put the answers into
 * the document); this asks the running gateway each of them and compares the answer with the stored file.
 * With {@code -Dcitykpi.captureExamples=true} it writes the answers into the files instead (after a change to
 * the demo or to what the gateway answers: review the diff, then commit it).
 *
 * <p>What changes from one load of the demo to the next is left out of the comparison: record and event ids
 * (UUIDs) and recording times; and arrays are compared as sets, since the demo loads on four threads.
 */
final class GatewayExamples {

    static final String CAPTURE = "citykpi.captureExamples";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern RECORDED_AT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    private GatewayExamples() {
    }

    /** @return one line per answer that is not its stored example (empty when all match, or after capturing). */
    static List<String> check(Platform platform) throws IOException {
        Path directory = platform.root.resolve("services/gateway/src/main/resources/openapi/examples");
        JsonNode manifest = JSON.readTree(directory.resolve("examples.json").toFile());
        boolean capture = Boolean.getBoolean(CAPTURE);
        List<String> problems = new ArrayList<>();
        // "pending": requests whose answers were never captured; capturing moves them to "examples".
        ArrayNode entries = JsonNodeFactory.instance.arrayNode().addAll((ArrayNode) manifest.path("examples"));
        if (capture && manifest.path("pending").isArray()) {
            entries.addAll((ArrayNode) manifest.path("pending"));
        }
        for (JsonNode entry : entries) {
            String request = entry.path("request").asText();
            String mediaType = entry.path("mediaType").asText();
            Response answer = platform.as("leader").baseUri(platform.gateway.baseUrl())
                    .accept(mediaType.endsWith("json") ? "application/json" : mediaType)
                    .urlEncodingEnabled(false)
                    .when().get(request);
            String where = entry.path("operationId").asText() + " GET " + request + " (" + mediaType + ")";
            if (answer.statusCode() != entry.path("status").asInt()) {
                problems.add(where + " answered " + answer.statusCode() + ", not " + entry.path("status").asText()
                        + ": " + new String(answer.asByteArray(), StandardCharsets.UTF_8));
                continue;
            }
            Path file = directory.resolve(entry.path("file").asText());
            String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
            boolean json = mediaType.endsWith("json");
            if (capture) {
                Files.writeString(file, json ? JSON.writeValueAsString(JSON.readTree(body)) + "\n"
                        : body.replace("\uFEFF", ""));
                continue;
            }
            if (!Files.exists(file)) {
                problems.add(where + ": " + file + " is missing; capture it with -D" + CAPTURE + "=true");
                continue;
            }
            String stored = Files.readString(file);
            boolean same = json ? canonical(JSON.readTree(stored)).equals(canonical(JSON.readTree(body)))
                    : canonical(stored).equals(canonical(body.replace("\uFEFF", "")));
            if (!same) {
                problems.add(where + " no longer answers " + file.getFileName() + ":\n" + body
                        + "\n(capture again with -D" + CAPTURE + "=true if the new answer is right)");
            }
        }
        if (capture && manifest.has("pending")) {
            ((ObjectNode) manifest).set("examples", entries);
            ((ObjectNode) manifest).remove("pending");
            Files.writeString(directory.resolve("examples.json"), JSON.writeValueAsString(manifest) + "\n");
        }
        return problems;
    }

    private static String canonical(String text) {
        List<String> lines = new ArrayList<>(List.of(RECORDED_AT.matcher(UUID.matcher(text.strip()).replaceAll("<id>"))
                .replaceAll("<recorded>").split("\r?\n")));
        lines.subList(1, lines.size()).sort(Comparator.naturalOrder());
        return String.join("\n", lines);
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(canonical(node.asText()));
        }
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            items.forEach(copy::add);
            return copy;
        }
        if (node.isNumber()) {
            // 45.50 and 45.5 are the same answer; the stored file keeps the scale the API wrote.
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
