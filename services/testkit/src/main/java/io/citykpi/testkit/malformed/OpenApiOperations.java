package io.citykpi.testkit.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the operations of an OpenAPI 3 document (as SmallRye writes it): parameters, bodies, examples. */
final class OpenApiOperations {

    enum Kind { STRING, DATE, DATE_TIME, MONTH, UUID, INTEGER, NUMBER, BOOLEAN, ENUM, OBJECT, ARRAY, UNKNOWN }

    record Param(String name, String in, boolean required, JsonNode schema, Kind kind, String example) {
    }

    record Operation(String method, String template, List<Param> params, String bodyType, JsonNode bodySchema,
                     JsonNode bodyExample) {
        String name() {
            return method + " " + template;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), operation));
                }
            }
        }
        return operations;
    }

    private Operation operation(String method, String template, JsonNode pathItem, JsonNode operation) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode p : iterable(pathItem.path("parameters"))) {
            Param param = param(resolve(p));
            params.put(param.in() + ":" + param.name(), param);
        }
        for (JsonNode p : iterable(operation.path("parameters"))) {
            Param param = param(resolve(p));
            params.put(param.in() + ":" + param.name(), param);
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        JsonNode bodyExample = null;
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        if (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            bodyType = type.getKey();
            bodySchema = resolve(type.getValue().path("schema"));
            bodyExample = example(type.getValue(), bodySchema);
            if (bodyExample != null && bodyExample.isTextual() && bodyType.contains("json")) {
                try {
                    bodyExample = JSON.readTree(bodyExample.asText());
                } catch (IOException e) {
                    // not JSON after all: generated below
                }
            }
            if (bodyType.contains("json") && (bodyExample == null || !bodyExample.isObject())) {
                bodyExample = valueFor(bodySchema, 0);
            }
        }
        return new Operation(method, template, List.copyOf(params.values()), bodyType, bodySchema, bodyExample);
    }

    private Param param(JsonNode p) {
        JsonNode schema = resolve(p.path("schema"));
        JsonNode example = p.has("example") ? p.get("example") : firstExample(p.path("examples"));
        if (example == null || example.isMissingNode() || example.isNull()) {
            example = valueFor(schema, 0);
        }
        Kind kind = kind(schema, example);
        String value = example == null || example.isNull() ? null : example.asText();
        if (value == null || value.isEmpty()) {
            JsonNode generated = valueFor(schema, 0);
            value = generated.isNull() ? "x" : generated.asText();
        }
        return new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false), schema,
                kind, value);
    }

    private JsonNode example(JsonNode media, JsonNode schema) {
        if (media.has("example")) {
            return media.get("example");
        }
        JsonNode first = firstExample(media.path("examples"));
        if (first != null) {
            return first;
        }
        return schema == null ? null : schema.get("example");
    }

    private JsonNode firstExample(JsonNode examples) {
        Iterator<JsonNode> values = examples.elements();
        while (values.hasNext()) {
            JsonNode example = resolve(values.next());
            if (example.has("value")) {
                return example.get("value");
            }
        }
        return null;
    }

    /** Follows $ref, and allOf/anyOf/oneOf of a single schema, to the schema itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
                continue;
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                JsonNode parts = current.get(combinator);
                if (parts != null && parts.isArray()) {
                    for (JsonNode part : parts) {
                        JsonNode resolved = resolve(part);
                        if (!"null".equals(type(resolved))) {
                            ObjectNode merged = resolved.deepCopy();
                            current.fields().forEachRemaining(f -> {
                                if (!f.getKey().equals(combinator) && !merged.has(f.getKey())) {
                                    merged.set(f.getKey(), f.getValue());
                                }
                            });
                            return merged;
                        }
                    }
                }
            }
            return current;
        }
        return current == null ? JsonNodeFactory.instance.missingNode() : current;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("enum") ? "string" : null;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    Kind kind(JsonNode schema, JsonNode example) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return Kind.ENUM;
        }
        String type = type(resolved);
        String format = resolved.path("format").asText("");
        String exampleText = example == null || example.isNull() ? "" : example.asText();
        if (type == null) {
            return Kind.UNKNOWN;
        }
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> exampleText.matches("\\d{4}-\\d{2}") ? Kind.MONTH : Kind.DATE;
                case "date-time" -> Kind.DATE_TIME;
                case "uuid" -> Kind.UUID;
                default -> exampleText.matches("\\d{4}-\\d{2}") || resolved.path("pattern").asText("")
                        .contains("\\d{4}-(0[1-9]") ? Kind.MONTH : Kind.STRING;
            };
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "object" -> Kind.OBJECT;
            case "array" -> Kind.ARRAY;
            default -> Kind.UNKNOWN;
        };
    }

    /** A plausible value for a schema without an example: its example, first enum constant, or a default. */
    JsonNode valueFor(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.path("examples").isArray() && !resolved.get("examples").isEmpty()) {
            return resolved.get("examples").get(0);
        }
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            return resolved.get("enum").get(0);
        }
        return switch (kind(resolved, null)) {
            case DATE -> f.textNode("2025-03-01");
            case DATE_TIME -> f.textNode("2025-03-01T09:00:00+08:00");
            case MONTH -> f.textNode("2025-03");
            case UUID -> f.textNode("00000000-0000-4000-8000-000000000000");
            case INTEGER -> f.numberNode(1);
            case NUMBER -> f.numberNode(1.5);
            case BOOLEAN -> f.booleanNode(false);
            case OBJECT -> {
                ObjectNode object = f.objectNode();
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(p ->
                            object.set(p.getKey(), valueFor(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = f.arrayNode();
                if (depth < 4 && resolved.has("items")) {
                    array.add(valueFor(resolved.get("items"), depth + 1));
                }
                yield array;
            }
            case STRING, ENUM, UNKNOWN -> f.textNode("x");
        };
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
