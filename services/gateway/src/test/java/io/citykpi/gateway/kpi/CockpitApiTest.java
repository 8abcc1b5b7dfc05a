package io.citykpi.gateway.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.EventSender;
import io.citykpi.shared.event.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a cockpit needs from the gateway: the first screen in one call (with rank changes), breakdowns,
 * alerts with stable ids and a "new since" filter, and records readable through the gateway. The events
 * lie in 2018, which no other test writes to.
 */
@QuarkusTest
class CockpitApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static boolean fed;

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        DomainEvents events = new DomainEvents();
        List<CloudEvent> stream = new ArrayList<>();
        // 龙山区 registers two new-materials projects in January and a third (equipment) in May;
        // 西安区 registers three projects in March: at the end of April it leads, at the end of May they tie.
        for (int i = 1; i <= 2; i++) {
            CloudEvent project = events.projectRegistered(UUID.randomUUID().toString(), "CK-" + i, "220402", "900",
                    "PLANNED", LocalDate.of(2018, 1, 9 + i));
            ((com.fasterxml.jackson.databind.node.ObjectNode) project.data()).put("sector", "NEW_MATERIALS");
            stream.add(project);
        }
        for (int i = 0; i < 3; i++) {
            stream.add(events.projectRegistered(UUID.randomUUID().toString(), "CK-X" + i, "220403", "700", "PLANNED",
                    LocalDate.of(2018, 3, 5 + i)));
        }
        CloudEvent equipment = events.projectRegistered(UUID.randomUUID().toString(), "CK-3", "220402", "12000",
                "PLANNED", LocalDate.of(2018, 5, 20));
        ((com.fasterxml.jackson.databind.node.ObjectNode) equipment.data()).put("sector", "EQUIPMENT");
        stream.add(equipment);
        // A hazard found in May, deadline 10 June, never rectified: overdue from 11 June.
        stream.add(events.hazardFound(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "220421", "GENERAL",
                LocalDate.of(2018, 6, 10), LocalDate.of(2018, 5, 28)));
        try (EventSender sender = new EventSender(bootstrapServers)) {
            sender.send(stream);
        }
        Instant deadline = Instant.now().plus(WAIT);
        while (registered("220402") < 3 && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        fed = true;
    }

    @Test
    void theFirstScreenIsOneCallWithRankChanges() {
        JsonPath overview = given().queryParam("year", 2018).queryParam("asOf", "2018-05-31")
                .when().get("/api/v1/overview").then().statusCode(200)
                .body("units", hasSize(6))
                .body("units[0].code", equalTo("220400"))
                .body("kpis", hasSize(30))
                .body("kpis[0].display.order", equalTo(1))
                .body("values", hasSize(180))
                .body("comparedWith", equalTo("2018-04-30"))
                .body("reporting", hasSize(5))
                .extract().jsonPath();
        Map<String, Object> longshan = cell(overview, "projects.registered", "220402");
        Map<String, Object> xian = cell(overview, "projects.registered", "220403");
        assertEquals(3, ((Number) longshan.get("value")).intValue());
        assertEquals(1, longshan.get("rank"), "3 and 3 share rank 1");
        assertEquals(1, xian.get("rank"));
        assertEquals(2, longshan.get("previousRank"), "2 against 西安区's 3 at the end of April");
        assertEquals(1, longshan.get("rankChange"), "moved up one place");
        assertEquals(0, xian.get("rankChange"));
    }

    @Test
    void breaksAKpiDownByTheAttributesOfItsRecords() {
        given().queryParam("year", 2018).queryParam("asOf", "2018-05-31").queryParam("by", "sector")
                .queryParam("orgUnit", "220402")
                .when().get("/api/v1/kpis/projects.registered/breakdown").then().statusCode(200)
                .body("value", equalTo(3))
                .body("groups.key", equalTo(List.of("NEW_MATERIALS", "EQUIPMENT")))
                .body("groups.value", equalTo(List.of(2, 1)))
                .body("groups[0].contributingRecords", equalTo(2))
                .body("groups[0].sharePercent", equalTo(66.67f));
        given().queryParam("year", 2018).queryParam("by", "severity")
                .when().get("/api/v1/kpis/projects.registered/breakdown").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("by"));
    }

    @Test
    void alertsHaveStableIdsAndANewSinceFilter() {
        JsonPath june = given().queryParam("year", 2018).queryParam("asOf", "2018-06-30").queryParam("orgUnit", "220421")
                .when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        List<String> ids = june.getList("alerts.findAll { it.rule == 'HAZARD_OVERDUE' }.id");
        assertEquals(1, ids.size());
        String again = given().queryParam("year", 2018).queryParam("asOf", "2018-07-31").queryParam("orgUnit", "220421")
                .when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                .getString("alerts.find { it.rule == 'HAZARD_OVERDUE' }.id");
        assertEquals(ids.get(0), again, "the same overdue hazard keeps its id");
        assertTrue(given().queryParam("year", 2018).queryParam("asOf", "2018-06-30").queryParam("orgUnit", "220421")
                .queryParam("newSince", "2018-06-05").when().get("/api/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("alerts.id").contains(ids.get(0)), "not overdue on 5 June: new since");
        assertFalse(given().queryParam("year", 2018).queryParam("asOf", "2018-06-30").queryParam("orgUnit", "220421")
                .queryParam("newSince", "2018-06-20").when().get("/api/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("alerts.id").contains(ids.get(0)), "already overdue on 20 June");
    }

    @Test
    void explanationsLinkToRecordsThroughTheGateway() {
        String gatewayLink = given().queryParam("year", 2018).queryParam("asOf", "2018-05-31").queryParam("orgUnit", "220403")
                .when().get("/api/v1/kpis/projects.registered/explain").then().statusCode(200)
                .body("totalContributions", equalTo(3))
                .extract().path("contributions[0].gatewayLink");
        assertTrue(gatewayLink.startsWith("/api/v1/records/project/"), gatewayLink);
        // No projects service runs beside this test: the gateway says so instead of hanging or failing.
        given().when().get(gatewayLink).then().statusCode(503).contentType("application/problem+json");
        given().when().get("/api/v1/records/spaceship/1").then().statusCode(404).contentType("application/problem+json");
    }

    private static Map<String, Object> cell(JsonPath overview, String kpiId, String unit) {
        return overview.getMap("values.find { it.kpiId == '" + kpiId + "' && it.orgUnit == '" + unit + "' }");
    }

    private static int registered(String unit) {
        return given().queryParam("year", 2018).queryParam("asOf", "2018-05-31").queryParam("orgUnit", unit)
                .when().get("/api/v1/kpis").then().statusCode(200)
                .extract().path("kpis.find { it.id == 'projects.registered' }.value");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
