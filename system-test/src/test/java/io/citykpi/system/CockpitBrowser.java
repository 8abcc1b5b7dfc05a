package io.citykpi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cockpit in Debian's Chromium, driven by cockpit/e2e/cockpit-check.mjs (playwright-core from the
 * cockpit's node_modules, which its Maven build installs). The platform and the demo are the caller's; this
 * writes what the gateway's API answers for the page to be compared with. Without Chromium, Node.js or the
 * built cockpit it fails: a browser test that skips itself would pass on any machine.
 */
final class CockpitBrowser {

    /** The origin the development realm lets the cockpit log in from; the script routes it to the test's gateway. */
    static final String REALM_ORIGIN = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 10;

    private CockpitBrowser() {
    }

    static Path output(Platform platform) {
        return platform.root.resolve("system-test/target/cockpit");
    }

    /**
     * Runs the browser check as {@code leader}, {@code clerk-220402} and {@code admin} (who sets one target through
     * the editor: a unit of the detailed KPI without a target, so the demo's own targets stay); fails with the
     * script's output.
     */
    static void check(Platform platform, int year) throws IOException, InterruptedException {
        Path cockpit = platform.root.resolve("cockpit");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), chromium + " is missing: .ci/run installs Debian's chromium and fonts-noto-cjk "
                + "(apt-get install chromium fonts-noto-cjk)");
        assertTrue(Files.isDirectory(cockpit.resolve("node_modules/playwright-core")), "cockpit/node_modules has no playwright-core: "
                + "the cockpit module was built without npm (install nodejs and npm, then build it again)");
        String page = RestAssured.given().baseUri(platform.gateway.baseUrl()).when().get("/cockpit/")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("assets/index-"), "the gateway serves the cockpit's placeholder page, not the app: " + page);

        Path out = output(platform);
        Files.createDirectories(out);
        Path expected = out.resolve("expected.json");
        Files.writeString(expected, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected(platform, year)));

        ProcessBuilder builder = new ProcessBuilder("node", "e2e/cockpit-check.mjs").directory(cockpit.toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("check.log").toFile());
        builder.environment().putAll(Map.of(
                "COCKPIT_ORIGIN", REALM_ORIGIN,
                "GATEWAY_URL", "http://localhost:" + platform.gateway.port(),
                "EXPECTED", expected.toString(),
                "OUT", out.toString()));
        Process process = builder.start();
        boolean done = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String log = Files.readString(out.resolve("check.log"), StandardCharsets.UTF_8);
        System.out.println(log);
        if (!done || process.exitValue() != 0) {
            fail("the cockpit's browser check " + (done ? "exited with " + process.exitValue() : "took over " + TIMEOUT_MINUTES
                    + " minutes") + " (screenshots and log in " + out + "):\n" + log);
        }
    }

    /**
     * The city's KPIs, and every unit of the first KPI with contributing records (and which of them have a target
     * of their own), as the API answers them to the leader.
     */
    /** Values as the API wrote them: JsonPath's default float turns 902944.27 into 902944.25. */
    private static final io.restassured.path.json.config.JsonPathConfig EXACT = io.restassured.path.json.config.JsonPathConfig
            .jsonPathConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static ObjectNode expected(Platform platform, int year) throws InterruptedException {
        JsonPath city = settled(platform, year);
        ObjectNode expected = JSON.createObjectNode().put("year", year).put("cityName", city.getString("orgUnitName"));
        // The page shows the overview's cells: the city's values as /api/v1/overview answers them.
        JsonPath overview = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", year)
                .when().get("/api/v1/overview").then().statusCode(200).extract().jsonPath().using(EXACT);
        ObjectNode values = expected.putObject("city");
        for (Map<String, Object> cell : overview.<Map<String, Object>>getList("values")) {
            if ("220400".equals(cell.get("orgUnit"))) {
                values.putPOJO((String) cell.get("kpiId"), cell.get("value"));
            }
        }
        String detailed = null;
        for (Map<String, Object> kpi : city.<Map<String, Object>>getList("kpis")) {
            if (detailed == null && kpi.get("contributingRecords") instanceof Number n && n.intValue() > 0) {
                detailed = (String) kpi.get("id");
            }
        }
        assertEquals(30, values.size(), "KPIs of the city");
        assertTrue(detailed != null, "a KPI of the city has contributing records");
        JsonPath detail = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", year)
                .when().get("/api/v1/kpis/" + detailed).then().statusCode(200).extract().jsonPath().using(EXACT);
        expected.put("kpiId", detailed);
        ObjectNode units = expected.putObject("units");
        var withTargets = expected.putArray("unitsWithTargets");
        units.putPOJO(detail.getString("city.orgUnit"), detail.get("city.value"));
        for (Map<String, Object> unit : detail.<Map<String, Object>>getList("units")) {
            units.putPOJO((String) unit.get("orgUnit"), unit.get("value"));
            if ("EXPLICIT".equals(unit.get("targetSource"))) {
                withTargets.add((String) unit.get("orgUnit"));
            }
        }
        assertTrue(withTargets.size() < units.size() - 1, "a unit without a target of " + detailed + " for the editor to set");
        return expected;
    }

    /**
     * The city's KPIs once the gateway has taken in the demo's last events: the loader's writes reach the ledger
     * through Kafka a little later, so the answer counts only when it is the same twice, five seconds apart.
     */
    private static JsonPath settled(Platform platform, int year) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String previous = null;
        while (true) {
            String answer = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", year)
                    .queryParam("orgUnit", "220400").when().get("/api/v1/kpis").then().statusCode(200).extract().asString();
            if (answer.equals(previous)) {
                return JsonPath.from(answer);
            }
            if (System.nanoTime() > deadline) {
                fail("the city's KPIs still changed after 3 minutes");
            }
            previous = answer;
            Thread.sleep(5_000);
        }
    }

    /**
     * The typed client is generated from cockpit/openapi/gateway.json: it must describe what the running gateway
     * serves. Texts and examples may differ; paths, operations, parameters and schemas may not.
     */
    static void committedOpenApiMatches(Platform platform) throws IOException {
        JsonNode served = JSON.readTree(RestAssured.given().baseUri(platform.gateway.baseUrl()).queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());
        JsonNode committed = JSON.readTree(platform.root.resolve("cockpit/openapi/gateway.json").toFile());
        List<String> differences = new ArrayList<>();
        compare("paths", structure(committed.path("paths")), structure(served.path("paths")), differences);
        compare("components.schemas", structure(committed.path("components").path("schemas")),
                structure(served.path("components").path("schemas")), differences);
        assertTrue(differences.isEmpty(), "cockpit/openapi/gateway.json is out of date (refresh it with "
                + "cockpit/scripts/refresh-openapi.sh and rebuild the cockpit): " + String.join("; ",
                differences.subList(0, Math.min(20, differences.size()))));
    }

    private static final List<String> PROSE = List.of("description", "summary", "example", "examples", "title", "externalDocs");

    /** The document without its prose: what a generated client's types depend on. */
    private static JsonNode structure(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PROSE);
            object.forEach(CockpitBrowser::strip);
        } else if (node.isArray()) {
            node.forEach(CockpitBrowser::strip);
        }
    }

    private static void compare(String at, JsonNode committed, JsonNode served, List<String> differences) {
        if (committed.isObject() && served.isObject()) {
            for (Iterator<String> names = committed.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!served.has(name)) {
                    differences.add(at + "." + name + " is gone");
                } else {
                    compare(at + "." + name, committed.get(name), served.get(name), differences);
                }
            }
            for (Iterator<String> names = served.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!committed.has(name)) {
                    differences.add(at + "." + name + " is new");
                }
            }
        } else if (!committed.equals(served)) {
            differences.add(at + " differs");
        }
    }
}
