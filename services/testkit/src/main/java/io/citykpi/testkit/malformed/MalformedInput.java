package io.citykpi.testkit.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citykpi.testkit.malformed.OpenApiOperations.Kind;
import io.citykpi.testkit.malformed.OpenApiOperations.Operation;
import io.citykpi.testkit.malformed.OpenApiOperations.Param;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The malformed-input test, generated from a running service's OpenAPI document
 * ({@code /q/openapi?format=json}): every operation is sent the kinds of input an attacker or a
 * careless client sends, and every answer is checked:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>every 4xx is {@code application/problem+json} with its status, and a 400 for a probed field
 *       names that field in {@code errors[].field};</li>
 *   <li>input that must be refused (NUL, duplicate keys, trailing data, enum ordinals, coerced scalars,
 *       1.5 for a count, numbers for dates, dates outside the business range, unknown fields and query
 *       parameters, malformed path values) is refused;</li>
 *   <li>a refused request leaves no row in any table (outbox included);</li>
 *   <li>every POST with a body honours {@code Idempotency-Key}: its example sent twice with one key
 *       gives the same answer and one record, with another body a 409.</li>
 * </ul>
 * New endpoints are covered as soon as they are in the OpenAPI document. Request bodies start from
 * the documented examples; path values from {@link Builder#pathValue} when a real record is needed.
 */
public final class MalformedInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNKNOWN = "zzNoSuchField";

    enum Expect {
        /** A 4xx; a 400 names the probed field. */
        REJECT,
        /** A 4xx, whatever it names. */
        REJECT_ANY,
        /** Anything but a 5xx. */
        NO_5XX
    }

    record Probe(Operation operation, String what, String path, String query, Map<String, String> headers,
                 byte[] body, String contentType, Expect expect, String field) {
    }

    /** What the run found; {@link #failures()} is empty when the service passed. */
    public record Report(int operations, int probes, int idempotentPosts, int idempotencyExercised,
                         List<String> failures) {

        /**
         * Fails with every failure listed; with {@code idempotencyExercised}, also when no POST's example
         * succeeded, so that the replay was not checked anywhere.
         */
        public Report assertPassed(boolean idempotencyExercised) {
            System.getLogger(MalformedInput.class.getName()).log(System.Logger.Level.INFO, summary());
            if (!failures.isEmpty() || (idempotencyExercised && this.idempotencyExercised == 0)) {
                throw new AssertionError(summary());
            }
            return this;
        }

        public String summary() {
            return operations + " operations, " + probes + " probes, Idempotency-Key checked on " + idempotencyExercised
                    + " of " + idempotentPosts + " POSTs, " + failures.size() + " failures"
                    + (failures.isEmpty() ? "" : ":\n  " + String.join("\n  ", failures));
        }
    }

    public static Builder against(URI base) {
        return new Builder(base);
    }

    public static final class Builder {
        private final URI base;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String[]> pathValues = new ArrayList<>();
        private Supplier<Map<String, Long>> rowCounts = Map::of;
        private Predicate<String> skip = operation -> false;

        private Builder(URI base) {
            this.base = base;
        }

        /** A header sent with every request, e.g. {@code Authorization: Bearer <a token allowed to write>}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The value of path parameter {@code name} in paths starting with {@code pathPrefix} (longest wins). */
        public Builder pathValue(String pathPrefix, String name, String value) {
            pathValues.add(new String[]{pathPrefix, name, value});
            return this;
        }

        /** Row counts of the tables a request may write; compared before and after every refused request. */
        public Builder rowCounts(Supplier<Map<String, Long>> counts) {
            this.rowCounts = counts;
            return this;
        }

        /** Operations ("POST /api/v1/admin/projection/rebuild") not to probe, each with a reason in the caller. */
        public Builder skip(Predicate<String> operation) {
            this.skip = operation;
            return this;
        }

        public Report run() {
            return new MalformedInput(this).run();
        }
    }

    private final Builder config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private OpenApiOperations openApi;

    private MalformedInput(Builder config) {
        this.config = config;
    }

    private Report run() {
        HttpResponse<byte[]> document = send("GET", "/q/openapi", "format=json", Map.of(), null, null);
        try {
            openApi = new OpenApiOperations(JSON.readTree(document.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
        int operations = 0;
        int probes = 0;
        int posts = 0;
        int exercised = 0;
        for (Operation operation : openApi.operations()) {
            if (config.skip.test(operation.name())) {
                continue;
            }
            operations++;
            // First, while the example request can still succeed (a probe accepted may take its unique code).
            if (operation.method().equals("POST") && operation.bodyType() != null) {
                posts++;
                if (idempotency(operation)) {
                    exercised++;
                }
            }
            for (Probe probe : probes(operation)) {
                check(probe);
                probes++;
            }
        }
        return new Report(operations, probes, posts, exercised, List.copyOf(failures));
    }

    // ---- what is sent -------------------------------------------------------------------------------------

    List<Probe> probes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> path = pathValues(operation);
        Map<String, String> query = requiredQuery(operation);
        byte[] body = baseBody(operation);

        probes.add(probe(operation, "unknown query parameter", path, with(query, UNKNOWN, "1"), body, Expect.REJECT, UNKNOWN));
        for (Param param : operation.params()) {
            for (Map.Entry<String, Expect> bad : badValues(param).entrySet()) {
                String what = param.in() + " " + param.name() + "=" + printable(bad.getKey());
                if (param.in().equals("path")) {
                    probes.add(probe(operation, what, with(path, param.name(), bad.getKey()), query, body, bad.getValue(),
                            param.name()));
                } else if (param.in().equals("query")) {
                    probes.add(probe(operation, what, path, with(query, param.name(), bad.getKey()), body, bad.getValue(),
                            param.name()));
                }
            }
        }
        if (operation.bodyType() == null) {
            return probes;
        }
        if (operation.bodyType().contains("csv")) {
            probes.addAll(csvProbes(operation, path, query));
            return probes;
        }
        if (!operation.bodyType().contains("json") || !(operation.bodyExample() instanceof ObjectNode example)) {
            return probes;
        }
        String text = example.toString();
        probes.add(raw(operation, "trailing data", path, query, text + " {}", Expect.REJECT, "(body)"));
        probes.add(raw(operation, "trailing garbage", path, query, text + " x", Expect.REJECT, "(body)"));
        probes.add(raw(operation, "not JSON", path, query, "{\"", Expect.REJECT_ANY, null));
        probes.add(raw(operation, "empty body", path, query, "", Expect.REJECT_ANY, null));
        probes.add(raw(operation, "an array", path, query, "[]", Expect.REJECT_ANY, null));
        probes.add(raw(operation, "null", path, query, "null", Expect.REJECT_ANY, null));
        probes.add(raw(operation, "NUL in a field name", path, query, "{\"a\\u0000b\":1}", Expect.REJECT_ANY, null));
        probes.add(mutated(operation, "unknown field", path, query, example, List.of(UNKNOWN), NODES.numberNode(1),
                Expect.REJECT, UNKNOWN));
        Iterator<String> names = example.fieldNames();
        if (names.hasNext()) {
            String first = names.next();
            String duplicated = "{\"" + first + "\":" + example.get(first) + "," + text.substring(1);
            probes.add(raw(operation, "duplicate key " + first, path, query, duplicated, Expect.REJECT, first));
        }
        for (Field field : fields(operation.bodySchema(), example, List.of(), 0)) {
            for (Map.Entry<JsonNode, Expect> bad : badJson(field).entrySet()) {
                probes.add(mutated(operation, field.name() + "=" + printable(String.valueOf(bad.getKey())), path, query,
                        example, field.segments(), bad.getKey(), bad.getValue(), field.name()));
            }
            if (field.required()) {
                probes.add(mutated(operation, field.name() + "=null", path, query, example, field.segments(),
                        NODES.nullNode(), Expect.REJECT, field.name()));
            }
        }
        return probes;
    }

    private List<Probe> csvProbes(Operation operation, Map<String, String> path, Map<String, String> query) {
        String example = operation.bodyExample() == null ? "a,b\n1,2\n" : operation.bodyExample().asText();
        String[] lines = example.split("\n", 2);
        String header = lines[0];
        String row = lines.length > 1 ? lines[1].split("\n")[0] : "x";
        List<Probe> probes = new ArrayList<>();
        probes.add(csv(operation, "NUL in a cell", path, query, (header + "\n" + row.replaceFirst(",", "\u0000,") + "\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8"));
        probes.add(csv(operation, "U+FFFD in a cell", path, query, (header + "\n" + row.replaceFirst(",", "\uFFFD,") + "\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8"));
        probes.add(csv(operation, "GBK bytes declared UTF-8", path, query, (header + "\n" + row + "\n")
                .getBytes(Charset.forName("GB18030")), "text/csv; charset=UTF-8"));
        probes.add(csv(operation, "unknown charset", path, query, example.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=KLINGON-8"));
        probes.add(csv(operation, "bytes of no charset", path, query, new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0x81,
                0x30, 0x0A}, "text/csv"));
        probes.add(csv(operation, "empty", path, query, new byte[0], "text/csv; charset=UTF-8"));
        return probes;
    }

    private Map<String, Expect> badValues(Param param) {
        Map<String, Expect> bad = new LinkedHashMap<>();
        String valid = param.example();
        bad.put(valid.isEmpty() ? "a\u0000b" : valid.substring(0, 1) + "\u0000" + valid.substring(1), Expect.REJECT);
        bad.put("x".repeat(3000), Expect.NO_5XX);
        switch (param.kind()) {
            case INTEGER -> {
                bad.put("1.5", Expect.REJECT);
                bad.put("abc", Expect.REJECT);
                bad.put("99999999999999999999", Expect.REJECT);
            }
            case NUMBER -> bad.put("abc", Expect.REJECT);
            case BOOLEAN -> {
                bad.put("2", Expect.REJECT);
                bad.put("yes", Expect.REJECT);
            }
            case ENUM -> {
                bad.put("0", Expect.REJECT);
                bad.put("NO_SUCH_VALUE", Expect.REJECT);
            }
            case UUID -> bad.put("not-a-uuid", Expect.REJECT);
            case DATE -> {
                bad.put("2025-02-30", Expect.REJECT);
                bad.put("+10000-01-01", Expect.REJECT);
                bad.put("99999-01-01", Expect.REJECT);
            }
            case DATE_TIME -> {
                bad.put("2025-02-30T00:00:00+08:00", Expect.REJECT);
                bad.put("+10000-01-01T00:00:00Z", Expect.REJECT);
            }
            case MONTH -> {
                // a month that names a business period: the range of @BusinessDate in a path
                Expect range = param.in().equals("path") ? Expect.REJECT : Expect.NO_5XX;
                bad.put("0000-02", range);
                bad.put("9999-12", range);
                bad.put("2025-13", Expect.REJECT);
                bad.put("+10000-01", Expect.REJECT);
            }
            default -> {
                // text: NUL and length above
            }
        }
        return bad;
    }

    private record Field(String name, List<Object> segments, Kind kind, boolean required) {
    }

    private List<Field> fields(JsonNode schema, JsonNode example, List<Object> prefix, int depth) {
        List<Field> fields = new ArrayList<>();
        JsonNode resolved = openApi.resolve(schema);
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<Object> segments = new ArrayList<>(prefix);
            segments.add(property.getKey());
            JsonNode value = example == null ? null : example.get(property.getKey());
            JsonNode propertySchema = openApi.resolve(property.getValue());
            Kind kind = openApi.kind(propertySchema, value);
            fields.add(new Field(name(segments), List.copyOf(segments), kind, required.contains(property.getKey())));
            if (depth < 3 && kind == Kind.OBJECT) {
                fields.addAll(fields(propertySchema, value, segments, depth + 1));
            }
            if (depth < 3 && kind == Kind.ARRAY) {
                JsonNode items = openApi.resolve(propertySchema.path("items"));
                if (openApi.kind(items, null) == Kind.OBJECT) {
                    List<Object> element = new ArrayList<>(segments);
                    element.add(0);
                    JsonNode first = value != null && value.isArray() && !value.isEmpty() ? value.get(0) : null;
                    fields.addAll(fields(items, first, element, depth + 1));
                }
            }
        }
        return fields;
    }

    private Map<JsonNode, Expect> badJson(Field field) {
        Map<JsonNode, Expect> bad = new LinkedHashMap<>();
        switch (field.kind()) {
            case STRING -> {
                bad.put(NODES.textNode("a\u0000b"), Expect.REJECT);
                bad.put(NODES.numberNode(5), Expect.REJECT);
                bad.put(NODES.booleanNode(true), Expect.REJECT);
                bad.put(NODES.objectNode(), Expect.REJECT);
                bad.put(NODES.textNode("x".repeat(5000)), Expect.NO_5XX);
                bad.put(NODES.textNode("=HYPERLINK(\"http://x\")"), Expect.NO_5XX);
            }
            case ENUM -> {
                bad.put(NODES.numberNode(0), Expect.REJECT);
                bad.put(NODES.textNode("1"), Expect.REJECT);
                bad.put(NODES.textNode("NO_SUCH_VALUE"), Expect.REJECT);
                bad.put(NODES.textNode(""), Expect.REJECT);
            }
            case BOOLEAN -> {
                bad.put(NODES.numberNode(2), Expect.REJECT);
                bad.put(NODES.textNode(""), Expect.REJECT);
                bad.put(NODES.textNode("true"), Expect.REJECT);
            }
            case INTEGER -> {
                bad.put(NODES.numberNode(1.5), Expect.REJECT);
                bad.put(NODES.textNode("1"), Expect.REJECT);
                bad.put(NODES.numberNode(new java.math.BigInteger("99999999999999999999")), Expect.REJECT);
                bad.put(NODES.numberNode(-1), Expect.NO_5XX);
            }
            case NUMBER -> {
                bad.put(NODES.textNode("12.5"), Expect.REJECT);
                bad.put(NODES.booleanNode(true), Expect.REJECT);
                bad.put(NODES.numberNode(new java.math.BigDecimal("1e400")), Expect.NO_5XX);
                bad.put(NODES.numberNode(new java.math.BigDecimal("-1")), Expect.NO_5XX);
                bad.put(NODES.numberNode(new java.math.BigDecimal("0.001")), Expect.NO_5XX);
            }
            case DATE -> {
                bad.put(NODES.numberNode(20230110), Expect.REJECT);
                bad.put(NODES.textNode(""), Expect.REJECT);
                bad.put(NODES.textNode("2025-02-30"), Expect.REJECT);
                bad.put(NODES.textNode("0000-02-29"), Expect.REJECT);
                bad.put(NODES.textNode("-0001-02-28"), Expect.REJECT);
                bad.put(NODES.textNode("1999-12-31"), Expect.REJECT);
                bad.put(NODES.textNode("9999-12-31"), Expect.REJECT);
                bad.put(NODES.textNode("+10000-01-01"), Expect.REJECT);
            }
            case DATE_TIME -> {
                bad.put(NODES.numberNode(1700000000), Expect.REJECT);
                bad.put(NODES.textNode("0000-02-29T00:00:00+08:00"), Expect.REJECT);
                bad.put(NODES.textNode("9999-12-31T00:00:00+08:00"), Expect.REJECT);
                bad.put(NODES.textNode("+10000-01-01T00:00:00Z"), Expect.REJECT);
                bad.put(NODES.textNode("2025-02-30T09:00:00+08:00"), Expect.REJECT);
            }
            case MONTH -> {
                bad.put(NODES.textNode("0000-02"), Expect.REJECT);
                bad.put(NODES.textNode("9999-12"), Expect.REJECT);
                bad.put(NODES.textNode("2025-13"), Expect.REJECT);
                bad.put(NODES.numberNode(202503), Expect.REJECT);
            }
            case UUID -> bad.put(NODES.textNode("not-a-uuid"), Expect.REJECT);
            case ARRAY -> bad.put(NODES.textNode("x"), Expect.REJECT);
            case OBJECT -> bad.put(NODES.textNode("x"), Expect.REJECT);
            case UNKNOWN -> bad.put(NODES.objectNode().put("a", "\u0000"), Expect.NO_5XX);
        }
        return bad;
    }

    // ---- Idempotency-Key ----------------------------------------------------------------------------------

    /** @return whether the example request succeeded, so that the replay could be checked. */
    private boolean idempotency(Operation operation) {
        Map<String, String> path = pathValues(operation);
        Map<String, String> query = requiredQuery(operation);
        byte[] body = baseBody(operation);
        String type = contentType(operation);
        check(new Probe(operation, "Idempotency-Key of 201 characters", target(operation, path), encode(query),
                Map.of("Idempotency-Key", "k".repeat(201)), body, type, Expect.REJECT, "Idempotency-Key"));
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = config.rowCounts.get();
        HttpResponse<byte[]> first = send(operation.method(), target(operation, path), encode(query),
                Map.of("Idempotency-Key", key), body, type);
        if (first.statusCode() >= 500) {
            fail(operation, "example request with an Idempotency-Key", first, "answered " + first.statusCode());
        }
        if (first.statusCode() >= 300) {
            return false;
        }
        Map<String, Long> afterFirst = config.rowCounts.get();
        HttpResponse<byte[]> again = send(operation.method(), target(operation, path), encode(query),
                Map.of("Idempotency-Key", key), body, type);
        if (again.statusCode() != first.statusCode() || !sameJson(first.body(), again.body())) {
            fail(operation, "the same request again with its Idempotency-Key", again, "answered " + again.statusCode()
                    + " " + text(again.body()) + " where the first answer was " + first.statusCode() + " "
                    + text(first.body()));
        }
        if (!Objects.equals(afterFirst, config.rowCounts.get())) {
            fail(operation, "the same request again with its Idempotency-Key", again, "wrote rows again: "
                    + diff(afterFirst, config.rowCounts.get()));
        }
        byte[] other = otherBody(operation, body);
        if (other != null) {
            Map<String, Long> beforeOther = config.rowCounts.get();
            HttpResponse<byte[]> reused = send(operation.method(), target(operation, path), encode(query),
                    Map.of("Idempotency-Key", key), other, type);
            if (reused.statusCode() != 409 || !isProblem(reused)) {
                fail(operation, "another request with a used Idempotency-Key", reused, "answered "
                        + reused.statusCode() + " instead of a 409 problem");
            }
            if (!Objects.equals(beforeOther, config.rowCounts.get())) {
                fail(operation, "another request with a used Idempotency-Key", reused, "wrote rows: "
                        + diff(beforeOther, config.rowCounts.get()));
            }
        }
        Objects.requireNonNull(before);
        return true;
    }

    private byte[] otherBody(Operation operation, byte[] body) {
        if (operation.bodyType().contains("csv")) {
            return (new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        if (!(operation.bodyExample() instanceof ObjectNode example)) {
            return null;
        }
        for (Field field : fields(operation.bodySchema(), example, List.of(), 0)) {
            JsonNode value = get(example, field.segments());
            if (field.kind() == Kind.STRING && value != null && value.isTextual()) {
                return set(example, field.segments(), NODES.textNode(value.asText() + "x")).toString()
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (field.kind() == Kind.NUMBER && value != null && value.isNumber()) {
                return set(example, field.segments(), NODES.numberNode(value.decimalValue().add(java.math.BigDecimal.ONE)))
                        .toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    // ---- checking -----------------------------------------------------------------------------------------

    private void check(Probe probe) {
        Map<String, Long> before = config.rowCounts.get();
        HttpResponse<byte[]> response = send(probe.operation().method(), probe.path(), probe.query(), probe.headers(),
                probe.body(), probe.contentType());
        int status = response.statusCode();
        if (status >= 500) {
            fail(probe, response, "answered " + status);
            return;
        }
        if (status < 400) {
            if (probe.expect() != Expect.NO_5XX) {
                fail(probe, response, "was accepted (" + status + ")");
            }
            return;
        }
        if (!isProblem(response)) {
            fail(probe, response, "answered " + status + " without a problem+json body");
            return;
        }
        if (status == 400 && probe.expect() == Expect.REJECT && probe.field() != null && !names(response, probe.field())) {
            fail(probe, response, "answered 400 without naming " + probe.field());
        }
        Map<String, Long> after = config.rowCounts.get();
        if (!Objects.equals(before, after)) {
            fail(probe, response, "was refused (" + status + ") but left rows: " + diff(before, after));
        }
    }

    private static boolean isProblem(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            return JSON.readTree(response.body()).path("status").asInt() == response.statusCode();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean names(HttpResponse<byte[]> response, String field) {
        try {
            for (JsonNode error : JSON.readTree(response.body()).path("errors")) {
                String named = error.path("field").asText();
                if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void fail(Probe probe, HttpResponse<byte[]> response, String problem) {
        fail(probe.operation(), probe.what(), response, problem);
    }

    private void fail(Operation operation, String what, HttpResponse<byte[]> response, String problem) {
        String body = text(response.body());
        failures.add(operation.name() + " with " + what + ": " + problem + " — "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((table, count) -> {
            long was = before.getOrDefault(table, 0L);
            if (count != was) {
                changes.add(table + " " + was + "→" + count);
            }
        });
        return String.join(", ", changes);
    }

    // ---- building requests --------------------------------------------------------------------------------

    private Probe probe(Operation operation, String what, Map<String, String> path, Map<String, String> query,
                        byte[] body, Expect expect, String field) {
        return new Probe(operation, what, target(operation, path), encode(query), Map.of(), body, contentType(operation),
                expect, field);
    }

    private Probe raw(Operation operation, String what, Map<String, String> path, Map<String, String> query,
                      String body, Expect expect, String field) {
        return new Probe(operation, what, target(operation, path), encode(query), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), contentType(operation), expect, field);
    }

    private Probe csv(Operation operation, String what, Map<String, String> path, Map<String, String> query,
                      byte[] body, String type) {
        return new Probe(operation, what, target(operation, path), encode(query), Map.of(), body, type,
                Expect.REJECT_ANY, null);
    }

    private Probe mutated(Operation operation, String what, Map<String, String> path, Map<String, String> query,
                          ObjectNode example, List<Object> segments, JsonNode value, Expect expect, String field) {
        return new Probe(operation, "body " + what, target(operation, path), encode(query), Map.of(),
                set(example, segments, value).toString().getBytes(StandardCharsets.UTF_8), contentType(operation),
                expect, field);
    }

    private static String contentType(Operation operation) {
        if (operation.bodyType() == null) {
            return null;
        }
        return operation.bodyType().contains("csv") ? "text/csv; charset=UTF-8" : operation.bodyType();
    }

    private byte[] baseBody(Operation operation) {
        if (operation.bodyType() == null) {
            return null;
        }
        if (operation.bodyType().contains("json")) {
            return String.valueOf(operation.bodyExample()).getBytes(StandardCharsets.UTF_8);
        }
        return operation.bodyExample() == null ? new byte[0]
                : operation.bodyExample().asText().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode set(ObjectNode example, List<Object> segments, JsonNode value) {
        ObjectNode copy = example.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            Object next = segments.get(i + 1);
            JsonNode child = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
            if (child == null || child.isNull() || (next instanceof Integer ? !child.isArray() : !child.isObject())) {
                child = next instanceof Integer ? NODES.arrayNode().add(NODES.objectNode()) : NODES.objectNode();
                if (segment instanceof Integer index) {
                    ((ArrayNode) node).set(index, child);
                } else {
                    ((ObjectNode) node).set((String) segment, child);
                }
            } else if (next instanceof Integer && child.isEmpty()) {
                ((ArrayNode) child).add(NODES.objectNode());
            }
            node = child;
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) node).set(index, value);
        } else {
            ((ObjectNode) node).set((String) last, value);
        }
        return copy;
    }

    private static JsonNode get(JsonNode node, List<Object> segments) {
        JsonNode current = node;
        for (Object segment : segments) {
            if (current == null) {
                return null;
            }
            current = segment instanceof Integer index ? current.get(index) : current.get((String) segment);
        }
        return current;
    }

    private static String name(List<Object> segments) {
        StringBuilder name = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(segment);
            }
        }
        return name.toString();
    }

    private Map<String, String> pathValues(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param param : operation.params()) {
            if (param.in().equals("path")) {
                String best = null;
                int bestLength = -1;
                for (String[] entry : config.pathValues) {
                    if (operation.template().startsWith(entry[0]) && entry[1].equals(param.name())
                            && entry[0].length() > bestLength) {
                        best = entry[2];
                        bestLength = entry[0].length();
                    }
                }
                values.put(param.name(), best != null ? best : param.example());
            }
        }
        return values;
    }

    private static Map<String, String> requiredQuery(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param param : operation.params()) {
            if (param.in().equals("query") && param.required()) {
                values.put(param.name(), param.example());
            }
        }
        return values;
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String target(Operation operation, Map<String, String> path) {
        String target = operation.template();
        for (Map.Entry<String, String> value : path.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", segment(value.getValue()));
        }
        return target;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(Map<String, String> query) {
        StringBuilder encoded = new StringBuilder();
        query.forEach((name, value) -> {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return encoded.toString();
    }

    private HttpResponse<byte[]> send(String method, String path, String query, Map<String, String> headers, byte[] body,
                                      String contentType) {
        String base = config.base.toString().replaceFirst("/$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + (query == null || query.isEmpty()
                        ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json");
        config.headers.forEach(request::header);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameJson(byte[] a, byte[] b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (IOException e) {
            return java.util.Arrays.equals(a, b);
        }
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
        return shown.replace("\u0000", "\\u0000").replace("\uFFFD", "\\uFFFD");
    }
}
