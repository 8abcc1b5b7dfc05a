package io.citykpi.shared.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.citykpi.shared.contract.safety.SafetyEvents;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes the same payloads as the contract's records: for every event type, the
 * message named after it has a payload schema with exactly the record's fields, each of the JSON type
 * the record's component serialises to, and the enum values of the producer's enum. A field added to a
 * record without the document (or the other way round) fails here, not at a subscriber.
 */
class AsyncApiSchemasTest {

    private static final JsonNode DOCUMENT = load();

    @Test
    void everyPayloadSchemaHasTheRecordsFieldsTypesAndEnumValues() {
        List<String> problems = new ArrayList<>();
        for (String type : EventContract.types()) {
            JsonNode message = message(type);
            if (message == null) {
                problems.add(type + ": no message with this name in docs/asyncapi.yaml");
                continue;
            }
            EventContract.payloadType(type).ifPresent(record ->
                    compare(type, record, resolve(message.path("payload")), problems));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theComparisonNoticesADifference() {
        List<String> problems = new ArrayList<>();
        JsonNode listed = resolve(message(SafetyEvents.HAZARD_LISTED).path("payload"));
        compare("renamed", Renamed.class, listed, problems);
        assertFalse(problems.isEmpty(), "a record whose field differs from the schema must be reported");
    }

    /** A record like HazardListed with one field renamed and one retyped. */
    private record Renamed(UUID hazardId, String orgUnit, int severity, String supervisor, LocalDate effectiveDate) {
    }

    private static void compare(String where, Class<?> record, JsonNode schema, List<String> problems) {
        Map<String, JsonNode> properties = properties(schema);
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        if (!components.equals(properties.keySet())) {
            problems.add(where + ": record " + record.getSimpleName() + " has " + components + ", the schema "
                    + new TreeSet<>(properties.keySet()));
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = resolve(properties.get(component.getName()));
            String field = where + "." + component.getName();
            Set<String> allowed = jsonTypes(property);
            String actual = jsonType(component.getGenericType());
            if (actual != null && !allowed.isEmpty() && !allowed.contains(actual)
                    && !(actual.equals("integer") && allowed.contains("number"))) {
                problems.add(field + ": record has " + actual + ", schema " + allowed);
            }
            Class<?> raw = component.getType();
            if (raw.isEnum()) {
                Set<String> values = new TreeSet<>();
                Arrays.stream(raw.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name()));
                Set<String> documented = enumValues(property);
                // The document may promise fewer values than the enum has (a verification only ever
                // leaves a hazard OPEN or CLOSED), never one the enum does not have.
                if (documented.isEmpty() || !values.containsAll(documented)) {
                    problems.add(field + ": enum " + raw.getSimpleName() + " " + values + ", schema " + documented);
                }
            } else if (raw.isRecord()) {
                JsonNode nested = nonNull(property);
                if (nested != null) {
                    compare(field, raw, nested, problems);
                }
            }
        }
    }

    /** The JSON type a component's value is written as; null where any JSON value is allowed. */
    private static String jsonType(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class || raw == UUID.class || raw == LocalDate.class || raw == YearMonth.class
                || raw == OffsetDateTime.class || raw.isEnum()) {
            return "string";
        }
        if (raw == BigDecimal.class) {
            return "number";
        }
        if (raw == int.class || raw == Integer.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
            return "object";
        }
        return null;
    }

    private static Set<String> jsonTypes(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(combinator).forEach(alternative -> types.addAll(jsonTypes(resolve(alternative))));
        }
        types.remove("null");
        return types;
    }

    private static Set<String> enumValues(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(combinator).forEach(alternative -> values.addAll(enumValues(resolve(alternative))));
        }
        return values;
    }

    /** The object alternative of a nullable schema. */
    private static JsonNode nonNull(JsonNode schema) {
        if (schema.has("properties")) {
            return schema;
        }
        for (JsonNode alternative : schema.path("anyOf")) {
            JsonNode resolved = resolve(alternative);
            if (resolved.has("properties") || resolved.has("allOf")) {
                return resolved;
            }
        }
        return null;
    }

    /** Properties of an object schema, following allOf (a correction is the first report plus fields). */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.TreeMap<>();
        for (JsonNode part : schema.path("allOf")) {
            properties.putAll(properties(resolve(part)));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            properties.putIfAbsent(field.getKey(), field.getValue());
        }
        return properties;
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (!ref.isTextual()) {
            return schema;
        }
        JsonNode target = DOCUMENT;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }

    private static JsonNode message(String type) {
        for (JsonNode message : DOCUMENT.path("components").path("messages")) {
            if (type.equals(message.path("name").asText())) {
                return message;
            }
        }
        return null;
    }

    private static JsonNode load() {
        Path file = Path.of("").toAbsolutePath().getParent().getParent().resolve("docs/asyncapi.yaml");
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
