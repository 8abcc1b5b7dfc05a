package io.citykpi.livelihood.security;

import static io.restassured.RestAssured.given;

import io.citykpi.testkit.AuthorizationContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;

/** Who may call every operation of the livelihood API: see {@link AuthorizationContract}. */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    private static final String UNIT = "220422";

    @Override
    protected Map<String, Sample> samples() {
        long n = System.nanoTime() % 1_000_000;
        String programme = given().contentType(ContentType.JSON).body("""
                        {"code":"AUTH-P-%d","name":"东辽县老旧小区改造","category":"OLD_ESTATE_RENOVATION","orgUnit":"%s",
                         "year":2025,"unit":"SQUARE_METRES","plannedQuantity":1000}""".formatted(n, UNIT))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String hotlineCase = "AUTH-" + n;
        given().contentType(ContentType.JSON).body("""
                        {"caseNumber":"%s","orgUnit":"%s","type":"COMPLAINT","receivedAt":"2025-05-06T09:00:00+08:00"}"""
                        .formatted(hotlineCase, UNIT))
                .post("/api/v1/hotline-cases").then().statusCode(201);
        return Map.of(
                "POST /api/v1/programmes", Sample.json(UNIT, """
                        {"code":"AUTH-P2-%d","name":"东辽县老旧小区改造","category":"OLD_ESTATE_RENOVATION","orgUnit":"%s",
                         "year":2025,"unit":"SQUARE_METRES","plannedQuantity":1000}""".formatted(n, UNIT)),
                "PUT /api/v1/programmes/{id}/progress/{month}", Sample.json(UNIT, "{\"quantity\":10}")
                        .path("id", programme).path("month", "2025-05"),
                "PUT /api/v1/assistance/{orgUnit}/{month}/{category}", Sample.json(UNIT,
                        "{\"amount\":10,\"beneficiaryTimes\":2}").path("orgUnit", UNIT).path("month", "2022-07")
                        .path("category", "OTHER"),
                "PUT /api/v1/employment/{orgUnit}/{month}", Sample.json(UNIT,
                        "{\"newUrbanJobs\":10,\"graduatePlacements\":1,\"veteranPlacements\":0}")
                        .path("orgUnit", UNIT).path("month", "2022-07"),
                "POST /api/v1/hotline-cases", Sample.json(UNIT, """
                        {"caseNumber":"AUTH2-%d","orgUnit":"%s","type":"SUGGESTION","receivedAt":"2025-05-06T09:00:00+08:00"}"""
                        .formatted(n, UNIT)),
                "POST /api/v1/hotline-cases/{caseNumber}/acceptance", Sample.json(UNIT,
                        "{\"acceptedAt\":\"2025-05-06T10:00:00+08:00\"}").path("caseNumber", hotlineCase),
                "POST /api/v1/hotline-cases/{caseNumber}/resolution", Sample.json(UNIT,
                        "{\"resolvedAt\":\"2025-05-07T10:00:00+08:00\",\"solved\":true}").path("caseNumber", hotlineCase),
                "POST /api/v1/hotline-cases/{caseNumber}/feedback", Sample.json(UNIT,
                        "{\"feedbackAt\":\"2025-05-08T10:00:00+08:00\",\"feedback\":\"UNSATISFIED\"}")
                        .path("caseNumber", hotlineCase),
                "POST /api/v1/hotline-cases/{caseNumber}/rework", Sample.json(UNIT,
                        "{\"sentBackAt\":\"2025-05-08T11:00:00+08:00\",\"reason\":\"群众反映问题未解决\"}")
                        .path("caseNumber", hotlineCase));
    }
}
