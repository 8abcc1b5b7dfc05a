package io.citykpi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.demo.DemoLoader;
import io.citykpi.testkit.Keycloak;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What `make run` shows a newcomer: the Liaoyuan 2025 demo loaded through the packaged services' APIs
 * (as the demo loader's Keycloak client, with client credentials), read back as the leader, gives every catalogue KPI of the city a value, sets the source document's targets, and raises the
 * alerts its planted anomalies should raise; and the cockpit shows it in a real browser (CockpitBrowser: Chromium
 * driven by playwright-core, logging in through this Keycloak).
 */
class DemoIT {

    static Platform platform;
    static JsonPath city;

    @BeforeAll
    static void loadTheDemo() throws Exception {
        platform = Platform.start();
        DemoLoader.main(new String[] {
                "--data=" + platform.root.resolve("demo/data/liaoyuan-2025"),
                "--gateway=" + platform.gateway.baseUrl(),
                "--projects=" + platform.projects.baseUrl(),
                "--investment=" + platform.investment.baseUrl(),
                "--livelihood=" + platform.livelihood.baseUrl(),
                "--safety-inspection=" + platform.safety.baseUrl(),
                "--token-url=" + platform.keycloak.tokenEndpoint(),
                "--client-secret=" + platform.keycloak.clientSecret(Keycloak.DEMO_LOADER_CLIENT),
                "--threads=4"});
        city = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", 2025).queryParam("orgUnit", "220400")
                .when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyCatalogueKpiOfTheCityHasAValue() {
        List<Map<String, Object>> kpis = city.getList("kpis");
        assertEquals(30, kpis.size());
        for (Map<String, Object> kpi : kpis) {
            assertNotNull(kpi.get("value"), kpi.get("id") + " has no value");
            assertNotNull(kpi.get("lastEventAt"), kpi.get("id") + " says when its newest event was recorded");
        }
    }

    @Test
    void theSourceDocumentsTargetsAreSet() {
        platform.as("leader").baseUri(platform.gateway.baseUrl())
                .when().get("/api/v1/targets/2025/livelihood.old-estate-renovation-area/220421")
                .then().statusCode(200)
                .body("value", org.hamcrest.Matchers.equalTo(126000.0f))
                .body("note", org.hamcrest.Matchers.containsString("12.6万平方米"));
        platform.as("leader").baseUri(platform.gateway.baseUrl())
                .when().get("/api/v1/targets/2025/projects.investment-completed/220471")
                .then().statusCode(200).body("value", org.hamcrest.Matchers.equalTo(209000.0f));
        JsonPath zone = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", 2025).queryParam("orgUnit", "220471")
                .when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        assertEquals("EXPLICIT", zone.getString("kpis.find { it.id == 'projects.start-rate' }.targetSource"));
        assertNotNull(zone.get("kpis.find { it.id == 'projects.start-rate' }.status"));
    }

    @Test
    void thePlantedAnomaliesRaiseTheirAlerts() {
        JsonPath alerts = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", 2025)
                .when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        List<String> rules = alerts.getList("alerts.rule");
        for (String rule : List.of("SUSPECTED_UNIT_MISTAKE", "CUMULATIVE_DECREASED", "MAJOR_HAZARD_LISTED",
                "HOTLINE_SATISFACTION_LOW", "PROJECT_NOT_STARTED", "HAZARD_OVERDUE", "KPI_BEHIND_TIME_PROGRESS")) {
            assertTrue(rules.contains(rule), rule + " among " + new java.util.TreeSet<>(rules));
        }
        JsonPath reporting = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", 2025)
                .when().get("/api/v1/reporting-status").then().statusCode(200).extract().jsonPath();
        assertEquals(5, reporting.getList("units").size());
        // 西安区 is the unit with late reports and a missing December employment report.
        assertEquals(1, reporting.getInt("units.find { it.orgUnit == '220403' }.missing"));
        assertTrue(reporting.getInt("units.find { it.orgUnit == '220403' }.late") > 0);
        assertEquals(0, reporting.getInt("units.find { it.orgUnit == '220421' }.missing"));
    }

    @Test
    void theCockpitShowsTheDemoInARealBrowser() throws Exception {
        CockpitBrowser.check(platform, 2025);
    }

    @Test
    void theCockpitsTypedClientDescribesTheRunningGateway() throws Exception {
        CockpitBrowser.committedOpenApiMatches(platform);
    }

    /** The gateway's OpenAPI examples are what it answers the demo (GatewayExamples; capture with -Dcitykpi.captureExamples=true). */
    @Test
    void theGatewaysOpenApiExamplesAreItsAnswers() throws Exception {
        assertEquals(List.of(), GatewayExamples.check(platform));
    }
}
