package io.citykpi.safety.security;

import static io.restassured.RestAssured.given;

import io.citykpi.safety.SafetyApi;
import io.citykpi.testkit.AuthorizationContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;

/**
 * Who may call every operation of the safety-inspection API: see {@link AuthorizationContract}. Writes on a
 * hazard are checked against the hazard's own org unit (220421 here), whatever unit the caller names.
 */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    private static final String UNIT = "220421";
    private static final LocalDate FOUND = LocalDate.of(2025, 3, 3);

    @Override
    protected Map<String, Sample> samples() {
        String hazard = SafetyApi.hazard(UNIT, "MAJOR", FOUND, FOUND.plusMonths(2));
        String inspection = given().get("/api/v1/hazards/" + hazard).then().statusCode(200)
                .extract().path("hazard.inspectionId");
        String extension = SafetyApi.requestExtension(hazard, FOUND.plusMonths(3)).statusCode(201)
                .extract().path("id");
        return Map.of(
                "POST /api/v1/inspections", Sample.json(UNIT, """
                        {"orgUnit":"%s","domain":"GAS","placeType":"SCHOOL","placeName":"东丰县第二实验小学",
                         "inspectedOn":"%s","team":"县应急管理局第一检查组","withExperts":false,"hazards":[]}"""
                        .formatted(UNIT, FOUND)),
                "POST /api/v1/inspections/{id}/hazards", Sample.json(UNIT, """
                        {"severity":"GENERAL","description":"灭火器过期","deadline":"%s"}""".formatted(FOUND.plusDays(10)))
                        .path("id", inspection),
                "POST /api/v1/hazards/{id}/rectification", Sample.json(UNIT,
                        "{\"rectifiedOn\":\"" + FOUND.plusDays(5) + "\",\"measures\":\"更换阀门\"}").path("id", hazard),
                "POST /api/v1/hazards/{id}/verification", Sample.json(UNIT,
                        "{\"verifiedOn\":\"" + FOUND.plusDays(6) + "\",\"passed\":false}").path("id", hazard),
                "POST /api/v1/hazards/{id}/extension-requests", Sample.json(UNIT,
                        "{\"requestedDeadline\":\"" + FOUND.plusMonths(4) + "\",\"reason\":\"备件需定制\"}").path("id", hazard),
                "POST /api/v1/hazards/{id}/extension-requests/{extensionId}/decision", Sample.json(UNIT,
                        "{\"approved\":true,\"decidedOn\":\"" + FOUND.plusDays(2) + "\"}").path("id", hazard)
                        .path("extensionId", extension),
                "POST /api/v1/hazards/{id}/listing", Sample.json(UNIT,
                        "{\"listedOn\":\"" + FOUND.plusDays(1) + "\",\"supervisingUnit\":\"市安委会办公室\"}").path("id", hazard));
    }
}
