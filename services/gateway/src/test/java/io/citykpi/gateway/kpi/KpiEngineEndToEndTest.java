package io.citykpi.gateway.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.EventSender;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Feeds a known event stream for all four domains through the real broker and compares every KPI
 * for every org unit with expectations written out independently ({@link CityScenario}); then
 * rebuilds the projection and re-delivers every event, and checks that nothing changes.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiEngineEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final CityScenario SCENARIO = new CityScenario();
    private static boolean fed;
    private static Map<String, String> before;

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    @Order(1)
    void everyKpiOfEveryUnitMatchesTheIndependentlyComputedExpectation() {
        feedOnce();
        List<String> mismatches = awaitExpected(false, null);
        assertTrue(mismatches.isEmpty(), "year 2022 as of 30 June:\n" + String.join("\n", mismatches));
        List<String> quarter = compare(true, null);
        assertTrue(quarter.isEmpty(), "2022Q2:\n" + String.join("\n", quarter));
    }

    @Test
    @Order(2)
    void knownAtReproducesTheBulletinPrintedBeforeALateCorrection() {
        feedOnce();
        awaitExpected(false, null);
        List<String> mismatches = compare(false, CityScenario.BEFORE_CORRECTIONS);
        assertTrue(mismatches.isEmpty(), "known at 10 July 2022:\n" + String.join("\n", mismatches));
    }

    @Test
    @Order(3)
    void explainsAValueDownToItsEvents() {
        feedOnce();
        awaitExpected(false, null);
        JsonPath explanation = given().queryParam("year", 2022).queryParam("asOf", "2022-06-30")
                .queryParam("orgUnit", "220421")
                .when().get("/api/v1/kpis/projects.investment-completed/explain")
                .then().statusCode(200)
                .body("definition.unit", equalTo("万元"))
                .body("contributions", hasSize(5)) // unit k = 3 has 5 key projects
                .body("contributions[0].link", startsWith("http://127.0.0.1:8081/api/v1/projects/"))
                .extract().jsonPath();
        // Six monthly reports per project: the correction of March replaces the first report, not adds to it.
        List<Integer> eventCounts = explanation.getList("contributions.collect { it.events.size() }", Integer.class);
        assertTrue(eventCounts.stream().allMatch(n -> n == 6), "one report per month, corrections replace: " + eventCounts);
        assertEquals(0, new BigDecimal(explanation.getString("value")).compareTo(new BigDecimal(explanation.getString("numerator"))));
    }

    @Test
    @Order(4)
    void targetsGiveCompletionTimeProgressStatusAndACitySumOfDistricts() {
        feedOnce();
        awaitExpected(false, null);
        // 东丰县 (k = 3): 18 inspections promised for 2022; 6 done by 30 June.
        java.time.OffsetDateTime beforeTargets = java.time.OffsetDateTime.now();
        given().contentType(ContentType.JSON)
                .body("{\"value\":18}")
                .when().put("/api/v1/targets/2022/safety.inspections/220421")
                .then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"value\":6}")
                .when().put("/api/v1/targets/2022/safety.inspections/220402")
                .then().statusCode(201);
        JsonPath kpis = given().queryParam("year", 2022).queryParam("asOf", "2022-06-30").queryParam("orgUnit", "220421")
                .when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        String inspections = "kpis.find { it.id == 'safety.inspections' }";
        assertEquals("33.33", kpis.getString(inspections + ".completionRate"));
        assertEquals("49.59", kpis.getString(inspections + ".timeProgress"));
        assertEquals("BEHIND", kpis.getString(inspections + ".status"));
        assertEquals("欠时间进度 16.3 个百分点", kpis.getString(inspections + ".gapText"));
        assertEquals(3, kpis.getInt(inspections + ".rank")); // 10, 8, 6, 4, 2 inspections
        // The bulletin known before the target was set printed no target, so no completion and no status.
        JsonPath before = given().queryParam("year", 2022).queryParam("asOf", "2022-06-30").queryParam("orgUnit", "220421")
                .queryParam("knownAt", beforeTargets.toString())
                .when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        assertEquals("6", before.getString(inspections + ".value"));
        assertNull(before.get(inspections + ".target"));
        assertNull(before.get(inspections + ".completionRate"));
        assertEquals("NO_TARGET", before.getString(inspections + ".status"));
        given().when().get("/api/v1/targets/2022/safety.inspections/220400")
                .then().statusCode(200)
                .body("source", equalTo("SUM_OF_CHILDREN"))
                .body("value", equalTo(24.0f));

        // By completion (完成率排名): 西安区 4 of 5 = 80% first; 龙山区 2 of 6 and 东丰县 6 of 18 are both 33.33% and
        // share rank 2, although by value they are 5th and 3rd; units without a target are not ranked.
        given().contentType(ContentType.JSON)
                .body("{\"value\":5}")
                .when().put("/api/v1/targets/2022/safety.inspections/220403")
                .then().statusCode(201);
        JsonPath byCompletion = given().queryParam("year", 2022).queryParam("asOf", "2022-06-30")
                .queryParam("rankBy", "COMPLETION")
                .when().get("/api/v1/rankings/safety.inspections").then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETION", byCompletion.getString("rankedBy"));
        assertEquals(List.of("220403", "220402", "220421"), byCompletion.getList("rankings.orgUnit").subList(0, 3));
        assertEquals(Arrays.asList(1, 2, 2, null, null), byCompletion.getList("rankings.rank"));
        assertEquals("80.0", byCompletion.getString("rankings[0].completionRate"));
        given().queryParam("year", 2022).queryParam("asOf", "2022-06-30").queryParam("rankBy", "COMPLETION")
                .when().get("/api/v1/rankings/safety.hazards-overdue")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rankBy")).body("errors[0].rule", equalTo("HigherIsBetterOnly"));
        given().queryParam("year", 2022).queryParam("rankBy", "SIZE")
                .when().get("/api/v1/rankings/safety.inspections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rankBy"));
    }

    @Test
    @Order(5)
    void servesListsAsCsv() {
        feedOnce();
        awaitExpected(false, null);
        String csv = given().accept("text/csv").queryParam("year", 2022).queryParam("asOf", "2022-06-30")
                .when().get("/api/v1/rankings/safety.hazards-overdue")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFrank,orgUnit,orgUnitName,value,unit,completionRate,status", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.subList(1, 6).stream().allMatch(l -> l.startsWith("1,")), "2 overdue each: all tie at 1\n" + csv);
        String report = given().accept("text/csv").queryParam("year", 2022).queryParam("asOf", "2022-06-30")
                .when().get("/api/v1/kpis").then().statusCode(200).extract().asString();
        assertEquals(31, report.lines().count());
    }

    @Test
    @Order(6)
    void aRebuildServesExactlyTheSameKpis() {
        feedOnce();
        awaitExpected(false, null);
        before = snapshot();
        int generation = given().when().post("/api/v1/admin/projection/rebuild")
                .then().statusCode(202)
                .body("state", equalTo("BUILDING"))
                .extract().path("generation");
        given().when().post("/api/v1/admin/projection/rebuild")
                .then().statusCode(409).contentType("application/problem+json");
        Instant deadline = Instant.now().plus(WAIT);
        while (!"ACTIVE".equals(state(generation)) && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        assertEquals("ACTIVE", state(generation), "the rebuild switched over");
        assertEquals(before, snapshot(), "identical KPIs after the rebuild");
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'kafka-ingest' }.data.projectionGeneration", equalTo(generation))
                .body("checks.find { it.name == 'kafka-ingest' }.data.state", equalTo("OK"));
    }

    @Test
    @Order(7)
    void deliveringEveryEventASecondTimeChangesNothing() {
        feedOnce();
        awaitExpected(false, null);
        Map<String, String> first = before != null ? before : snapshot();
        long applied = eventsApplied();
        send(SCENARIO.events());
        Instant deadline = Instant.now().plus(WAIT);
        while (eventsApplied() < applied + SCENARIO.events().size() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        assertTrue(eventsApplied() >= applied + SCENARIO.events().size(), "the duplicates were consumed");
        assertEquals(first, snapshot(), "identical KPIs after every event came twice");
    }

    @Test
    @Order(8)
    void refusesUnknownKpisAndMalformedPeriods() {
        given().queryParam("year", 2022).when().get("/api/v1/kpis/projects.unknown")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("period", "2022Q5").when().get("/api/v1/kpis")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"));
        given().queryParam("year", 2022).queryParam("knownAt", "yesterday").when().get("/api/v1/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("knownAt"));
        given().queryParam("year", 2022).when().get("/api/v1/scorecards/999999")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("year", 2022).queryParam("asOf", "2022-06-30").when().get("/api/v1/scorecards/220471")
                .then().statusCode(200)
                .body("kpis", hasSize(30))
                .body("statusCounts.NO_TARGET", equalTo(30));
    }

    @Test
    @Order(9)
    void alertsAndTheReportingCalendarReadTheSameFacts() {
        feedOnce();
        awaitExpected(false, null);
        JsonPath alerts = given().queryParam("year", 2022).queryParam("asOf", "2022-06-30")
                .when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        // Two overdue hazards per unit; in each unit the project planned for March that never started.
        assertEquals(10, alerts.getList("alerts.findAll { it.rule == 'HAZARD_OVERDUE' }").size());
        assertEquals(5, alerts.getList("alerts.findAll { it.rule == 'PROJECT_NOT_STARTED' }").size());
        // Satisfaction (k + 3) / 8: 50% and 62.5% are more than ten points under 85%; the city's 30 / 40 = 75% is not.
        assertEquals(List.of("220402", "220403"),
                alerts.getList("alerts.findAll { it.rule == 'HOTLINE_SATISFACTION_LOW' && it.severity == 'HIGH' }.orgUnit"));
        assertEquals("HIGH", alerts.getString("alerts[0].severity"));
        given().queryParam("year", 2022).queryParam("asOf", "2022-06-30").queryParam("orgUnit", "220421")
                .queryParam("severity", "HIGH")
                .when().get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.orgUnit.unique()", equalTo(List.of("220421")))
                .body("counts.MEDIUM", equalTo(0));

        given().queryParam("year", 2022).queryParam("asOf", "2022-07-20").queryParam("orgUnit", "220421")
                .when().get("/api/v1/reporting-status").then().statusCode(200)
                .body("units", hasSize(1))
                .body("units[0].due", equalTo(30))
                .body("units[0].onTime", equalTo(30))
                .body("units[0].onTimeRate", equalTo(100.0f));
        given().queryParam("year", 2022).queryParam("asOf", "2022-07-20").queryParam("state", "MISSING")
                .when().get("/api/v1/reporting-status").then().statusCode(200)
                .body("units", hasSize(5))
                .body("reports", hasSize(0));
        given().when().get("/api/v1/reporting-status").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private void feedOnce() {
        if (fed) {
            return;
        }
        AsyncApiContract contract = AsyncApiContract.load();
        List<String> violations = new ArrayList<>();
        for (CloudEvent event : SCENARIO.events()) {
            violations.addAll(contract.violations(record(event)));
        }
        assertEquals(List.of(), violations, "the scenario's events follow docs/asyncapi.yaml");
        send(SCENARIO.events());
        fed = true;
    }

    private void send(List<CloudEvent> events) {
        try (EventSender sender = new EventSender(bootstrapServers)) {
            sender.send(events);
        }
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record(CloudEvent event) {
        ProducerRecord<String, byte[]> p = EventSender.record(event);
        org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r =
                new org.apache.kafka.clients.consumer.ConsumerRecord<>(p.topic(), 0, 0, p.key(), p.value());
        p.headers().forEach(h -> r.headers().add(h));
        return r;
    }

    private List<String> awaitExpected(boolean quarter, java.time.OffsetDateTime knownAt) {
        Instant deadline = Instant.now().plus(WAIT);
        List<String> mismatches = compare(quarter, knownAt);
        while (!mismatches.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(250);
            mismatches = compare(quarter, knownAt);
        }
        return mismatches;
    }

    /** Every KPI of every unit and the city against the scenario's expectations; the differences. */
    private static List<String> compare(boolean quarter, java.time.OffsetDateTime knownAt) {
        List<String> mismatches = new ArrayList<>();
        Map<String, CityScenario.Expected> city = new LinkedHashMap<>();
        for (int k = 1; k <= CityScenario.UNITS.size(); k++) {
            Map<String, CityScenario.Expected> expected = CityScenario.expected(k, quarter, knownAt != null);
            expected.forEach((kpi, e) -> city.merge(kpi, e, CityScenario.Expected::plus));
            mismatches.addAll(compareUnit(CityScenario.UNITS.get(k - 1), expected, quarter, knownAt));
        }
        mismatches.addAll(compareUnit(CityScenario.CITY, city, quarter, knownAt));
        return mismatches;
    }

    private static List<String> compareUnit(String unit, Map<String, CityScenario.Expected> expected, boolean quarter,
                                            java.time.OffsetDateTime knownAt) {
        var request = given().queryParam("asOf", CityScenario.AS_OF.toString()).queryParam("orgUnit", unit);
        request = quarter ? request.queryParam("period", "2022Q2") : request.queryParam("year", CityScenario.YEAR);
        if (knownAt != null) {
            request = request.queryParam("knownAt", knownAt.toString());
        }
        JsonPath body = request.when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> kpis = body.getList("kpis");
        List<String> mismatches = new ArrayList<>();
        if (kpis.size() != expected.size()) {
            mismatches.add(unit + ": " + kpis.size() + " KPIs served, " + expected.size() + " expected");
        }
        for (Map<String, Object> kpi : kpis) {
            String id = (String) kpi.get("id");
            CityScenario.Expected e = expected.get(id);
            if (e == null) {
                mismatches.add(unit + " " + id + ": no expectation");
                continue;
            }
            BigDecimal want = e.value(id.equals("investment.fixed-asset-investment-growth"));
            Object got = kpi.get("value");
            boolean same = want == null ? got == null
                    : got != null && new BigDecimal(got.toString()).compareTo(want) == 0;
            if (!same) {
                mismatches.add(unit + " " + id + ": served " + got + ", expected " + want + " (" + e + ")");
            }
        }
        return mismatches;
    }

    /** Every unit's JSON report for the scenario's year and quarter, and for today: what must not change. */
    private static Map<String, String> snapshot() {
        Map<String, String> reports = new LinkedHashMap<>();
        List<String> units = new ArrayList<>(CityScenario.UNITS);
        units.add(CityScenario.CITY);
        for (String unit : units) {
            for (String period : List.of("2022", "2022Q2", "2022-05")) {
                reports.put(unit + "/" + period, given().queryParam("period", period).queryParam("asOf", "2022-06-30")
                        .queryParam("orgUnit", unit).when().get("/api/v1/kpis").then().statusCode(200).extract().asString());
            }
        }
        reports.put("detail", given().queryParam("year", 2022).queryParam("asOf", "2022-06-30")
                .when().get("/api/v1/kpis/projects.investment-completed").then().statusCode(200).extract().asString());
        return reports;
    }

    private static String state(int generation) {
        List<Map<String, Object>> generations = given().when().get("/api/v1/admin/projection")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return generations.stream().filter(g -> ((Number) g.get("generation")).intValue() == generation)
                .map(g -> (String) g.get("state")).findFirst().orElse("MISSING");
    }

    private static long eventsApplied() {
        List<Map<String, Object>> generations = given().when().get("/api/v1/admin/projection")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return generations.stream().filter(g -> "ACTIVE".equals(g.get("state")))
                .mapToLong(g -> ((Number) g.get("eventsApplied")).longValue()).findFirst().orElse(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
