package io.citykpi.safety.hazard;

import static io.citykpi.safety.SafetyApi.decide;
import static io.citykpi.safety.SafetyApi.hazard;
import static io.citykpi.safety.SafetyApi.inspect;
import static io.citykpi.safety.SafetyApi.listing;
import static io.citykpi.safety.SafetyApi.rectify;
import static io.citykpi.safety.SafetyApi.requestExtension;
import static io.citykpi.safety.SafetyApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HazardRulesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate FOUND = TODAY.minusDays(20);

    @Test
    void recordsAnInspectionWithItsHazards() {
        inspect("220421", FOUND, """
                [{"severity":"MAJOR","description":"食堂燃气管道漏气","deadline":"%s"},
                 {"severity":"GENERAL","description":"疏散通道堆物","deadline":"%s"}]""".formatted(TODAY.plusDays(30), TODAY))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/inspections/"))
                .body("inspection.withExperts", equalTo(true))
                .body("hazards", hasSize(2))
                .body("hazards[0].status", equalTo("OPEN"))
                .body("hazards[0].foundOn", equalTo(FOUND.toString()))
                .body("hazards[0].overdue", equalTo(false));
    }

    @Test
    void checksTheDeadlineOfEveryHazard() {
        inspect("220421", FOUND, "[{\"severity\":\"GENERAL\",\"description\":\"x\",\"deadline\":\"" + FOUND.minusDays(1) + "\"}]")
                .statusCode(400)
                .body("errors[0].field", equalTo("hazards[0].deadline"))
                .body("errors[0].rule", equalTo("NotBeforeDiscovery"));
        inspect("220421", FOUND, "[{\"severity\":\"MAJOR\",\"description\":\"x\",\"deadline\":\"" + FOUND.plusYears(1).plusDays(1) + "\"}]")
                .statusCode(400)
                .body("errors[0].rule", equalTo("MajorWithinOneYear"));
        inspect("220421", FOUND, "[{\"severity\":\"MAJOR\",\"description\":\"x\",\"deadline\":\"" + FOUND.plusYears(1) + "\"}]")
                .statusCode(201);
        inspect("220421", FOUND, "[{\"severity\":\"MAJOR\",\"description\":\"x\"}]")
                .statusCode(400).body("errors[0].field", equalTo("hazards[0].deadline"))
                .body("errors[0].rule", equalTo("NotNull"));
    }

    @Test
    void refusesAPenaltyAmountWithoutPenaltiesAndOtherBadInspections() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"orgUnit":"220402","domain":"FIRE","placeType":"HOSPITAL","placeName":"市中心医院",
                         "inspectedOn":"%s","team":"消防救援支队","withExperts":false,"penaltyAmount":2.5}""".formatted(FOUND))
                .post("/api/v1/inspections")
                .then().statusCode(400).body("errors[0].field", equalTo("penaltiesIssued"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"orgUnit":"999999","domain":"VOLCANO","placeType":"HOSPITAL","placeName":"",
                         "inspectedOn":"%s","team":"x"}""".formatted(TODAY.plusDays(1)))
                .post("/api/v1/inspections")
                .then().statusCode(400).body("errors[0].field", equalTo("domain"));
    }

    @Test
    void closesTheLoopAndRefusesStepsOutOfOrder() {
        String id = hazard("220402", "GENERAL", FOUND, TODAY.plusDays(10));
        verify(id, TODAY, true).statusCode(409)
                .body("type", endsWith("/illegal-hazard-transition"))
                .body("context.currentStatus", equalTo("OPEN"))
                .body("context.requiredStatus", equalTo("RECTIFIED"));
        rectify(id, FOUND.minusDays(1)).statusCode(409).body("type", endsWith("/date-before-previous-step"));
        rectify(id, TODAY.minusDays(2)).statusCode(200).body("status", equalTo("RECTIFIED"));
        rectify(id, TODAY).statusCode(409);
        verify(id, TODAY.minusDays(3), true).statusCode(409);
        verify(id, TODAY, true).statusCode(200).body("status", equalTo("CLOSED")).body("verifiedOn", equalTo(TODAY.toString()));
        rectify(id, TODAY).statusCode(409);
        verify(id, TODAY, true).statusCode(409);
        requestExtension(id, TODAY.plusDays(30)).statusCode(409);
        given().get("/api/v1/hazards/" + id).then().statusCode(200)
                .body("history.action", contains("FOUND", "RECTIFIED", "VERIFIED_CLOSED"));
    }

    @Test
    void aFailedVerificationReopensTheHazard() {
        String id = hazard("220402", "GENERAL", FOUND, TODAY.plusDays(10));
        rectify(id, TODAY.minusDays(1)).statusCode(200);
        verify(id, TODAY, false).statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("rectifiedOn", nullValue())
                .body("deadline", equalTo(TODAY.plusDays(10).toString()));
        rectify(id, TODAY).statusCode(200);
        verify(id, TODAY, true).statusCode(200).body("status", equalTo("CLOSED"));
        given().get("/api/v1/hazards/" + id).then()
                .body("history.action", contains("FOUND", "RECTIFIED", "VERIFICATION_FAILED_REOPENED", "RECTIFIED",
                        "VERIFIED_CLOSED"));
    }

    @Test
    void allowsAtMostTwoExtensionRequestsOneAtATime() {
        String id = hazard("220403", "MAJOR", FOUND, TODAY.plusDays(5));
        String first = requestExtension(id, TODAY.plusDays(20)).statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        requestExtension(id, TODAY.plusDays(25)).statusCode(409).body("type", endsWith("/extension-pending"));
        decide(id, first, true, TODAY).statusCode(200)
                .body("deadline", equalTo(TODAY.plusDays(20).toString()))
                .body("originalDeadline", equalTo(TODAY.plusDays(5).toString()));
        decide(id, first, false, TODAY).statusCode(409).body("type", endsWith("/extension-decided"));

        requestExtension(id, TODAY.plusDays(20)).statusCode(400).body("errors[0].rule", equalTo("AfterCurrentDeadline"));
        requestExtension(id, FOUND.plusYears(1).plusDays(1)).statusCode(400)
                .body("errors[0].rule", equalTo("MajorWithinOneYear"));
        String second = requestExtension(id, TODAY.plusDays(40)).statusCode(201).extract().path("id");
        decide(id, second, false, TODAY).statusCode(200).body("deadline", equalTo(TODAY.plusDays(20).toString()));
        requestExtension(id, TODAY.plusDays(50)).statusCode(409)
                .body("type", endsWith("/extension-limit"))
                .body("context.limit", equalTo(2));
        given().get("/api/v1/hazards/" + id).then()
                .body("extensions.status", contains("APPROVED", "REJECTED"));
        decide(id, "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", true, TODAY).statusCode(404);
    }

    @Test
    void listsOnlyMajorHazardsForSupervisionAndOnlyOnce() {
        String general = hazard("220422", "GENERAL", FOUND, TODAY.plusDays(5));
        listing(general, TODAY).statusCode(409).body("type", endsWith("/not-major"));
        String major = hazard("220422", "MAJOR", FOUND, TODAY.plusDays(5));
        listing(major, TODAY).statusCode(200)
                .body("listedOn", equalTo(TODAY.toString()))
                .body("supervisingUnit", equalTo("市安委会办公室"));
        listing(major, TODAY).statusCode(409).body("type", endsWith("/already-listed"));
        listing(hazard("220422", "MAJOR", FOUND, TODAY), TODAY.plusDays(1)).statusCode(400)
                .body("errors[0].field", equalTo("listedOn"));
    }

    @Test
    void answers404ForUnknownHazardsAndInspections() {
        String unknown = "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11";
        given().get("/api/v1/hazards/" + unknown).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/inspections/" + unknown).then().statusCode(404);
        rectify(unknown, TODAY).statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"severity\":\"GENERAL\",\"description\":\"x\",\"deadline\":\"" + TODAY + "\"}")
                .post("/api/v1/inspections/" + unknown + "/hazards").then().statusCode(404);
    }

    @Test
    void filtersHazards() {
        String listed = hazard("220471", "MAJOR", FOUND, TODAY.plusDays(5));
        listing(listed, TODAY).statusCode(200);
        String late = hazard("220471", "GENERAL", FOUND, TODAY.minusDays(1));
        given().queryParam("orgUnit", "220471").queryParam("listed", true).get("/api/v1/hazards")
                .then().statusCode(200).body("items.id", hasItem(listed)).body("items.listedOn", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.notNullValue()));
        given().queryParam("orgUnit", "220400").queryParam("overdue", true).queryParam("size", 200).get("/api/v1/hazards")
                .then().body("items.id", hasItem(late)).body("items.overdue", org.hamcrest.Matchers.everyItem(equalTo(true)));
        given().queryParam("severity", "MAJOR").queryParam("status", "OPEN").queryParam("size", 200).get("/api/v1/hazards")
                .then().body("items.severity", org.hamcrest.Matchers.everyItem(equalTo("MAJOR")));
        given().queryParam("overdue", "maybe").get("/api/v1/hazards").then().statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
        given().queryParam("withExperts", true).queryParam("domain", "GAS").get("/api/v1/inspections")
                .then().statusCode(200).body("items.domain", org.hamcrest.Matchers.everyItem(equalTo("GAS")));
    }
}
