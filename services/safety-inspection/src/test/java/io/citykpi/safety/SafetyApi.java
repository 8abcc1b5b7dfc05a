package io.citykpi.safety;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;

/** The safety-inspection API as an inspection team's front end calls it, for tests. */
public final class SafetyApi {

    private SafetyApi() {
    }

    /** Records an inspection with one hazard; returns the hazard id. */
    public static String hazard(String orgUnit, String severity, LocalDate inspectedOn, LocalDate deadline) {
        return inspect(orgUnit, inspectedOn, "[{\"severity\":\"%s\",\"description\":\"燃气管道阀门锈蚀漏气\",\"deadline\":\"%s\"}]"
                .formatted(severity, deadline)).statusCode(201).extract().path("hazards[0].id");
    }

    public static ValidatableResponse inspect(String orgUnit, LocalDate inspectedOn, String hazardsJson) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"orgUnit":"%s","domain":"GAS","placeType":"SCHOOL","placeName":"东丰县第二实验小学",
                         "inspectedOn":"%s","team":"县应急管理局第一检查组","withExperts":true,"hazards":%s}"""
                        .formatted(orgUnit, inspectedOn, hazardsJson))
                .when().post("/api/v1/inspections").then();
    }

    public static ValidatableResponse post(String hazardId, String action, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/hazards/" + hazardId + "/" + action).then();
    }

    public static ValidatableResponse rectify(String id, LocalDate on) {
        return post(id, "rectification", "{\"rectifiedOn\":\"" + on + "\",\"measures\":\"更换阀门\"}");
    }

    public static ValidatableResponse verify(String id, LocalDate on, boolean passed) {
        return post(id, "verification", "{\"verifiedOn\":\"" + on + "\",\"passed\":" + passed + "}");
    }

    public static ValidatableResponse requestExtension(String id, LocalDate deadline) {
        return post(id, "extension-requests", "{\"requestedDeadline\":\"" + deadline + "\",\"reason\":\"备件需定制\"}");
    }

    public static ValidatableResponse decide(String id, String extensionId, boolean approved, LocalDate on) {
        return post(id, "extension-requests/" + extensionId + "/decision",
                "{\"approved\":" + approved + ",\"decidedOn\":\"" + on + "\"}");
    }

    public static ValidatableResponse listing(String id, LocalDate on) {
        return post(id, "listing", "{\"listedOn\":\"" + on + "\",\"supervisingUnit\":\"市安委会办公室\"}");
    }
}
