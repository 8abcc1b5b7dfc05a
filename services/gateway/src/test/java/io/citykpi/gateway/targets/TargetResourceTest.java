package io.citykpi.gateway.targets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.citykpi.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TargetResourceTest {

    private static final String START_RATE = "/api/v1/targets/2027/projects.start-rate/220471";
    /** City administrators as the realm names them: who set a target is who the token says. */
    private static final String PLANNING_OFFICE = Tokens.user("planning-office", "220400", "city-admin");
    private static final String DEPUTY_MAYOR = Tokens.user("deputy-mayor", "220400", "city-admin");

    @Test
    void setsAPhasedTargetAndAuditsEveryChange() {
        given().contentType(ContentType.JSON).auth().oauth2(PLANNING_OFFICE)
                .body("""
                        {"value":100,"phasing":[{"period":"2027Q2","value":100},{"period":"2027Q1","value":50}],
                         "note":"Q1 ≥ 50%, Q2 100%"}""")
                .when().put(START_RATE)
                .then().statusCode(201)
                .body("value", equalTo(100))
                .body("unit", equalTo("%"))
                .body("phasing.period", equalTo(java.util.List.of("2027Q1", "2027Q2")))
                .body("source", equalTo("EXPLICIT"))
                .body("version", equalTo(0))
                .body("updatedBy", equalTo("planning-office"));

        given().contentType(ContentType.JSON).auth().oauth2(DEPUTY_MAYOR)
                .body("{\"value\":95,\"version\":0}")
                .when().put(START_RATE)
                .then().statusCode(200)
                .body("value", equalTo(95))
                .body("phasing", hasSize(0))
                .body("version", equalTo(1));

        given().contentType(ContentType.JSON)
                .body("{\"value\":90,\"version\":0}")
                .when().put(START_RATE)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("version 0"));

        given().auth().oauth2(PLANNING_OFFICE).when().delete(START_RATE).then().statusCode(204);
        given().when().get(START_RATE).then().statusCode(404).contentType("application/problem+json");

        given().when().get(START_RATE + "/history")
                .then().statusCode(200)
                .body("action", equalTo(java.util.List.of("CREATED", "UPDATED", "DELETED")))
                .body("changedBy", equalTo(java.util.List.of("planning-office", "deputy-mayor", "planning-office")))
                .body("changedById", equalTo(java.util.List.of(Tokens.subjectOf("planning-office"),
                        Tokens.subjectOf("deputy-mayor"), Tokens.subjectOf("planning-office"))))
                .body("[0].before", nullValue())
                .body("[0].after.value", equalTo(100))
                .body("[1].before.phasing", hasSize(2))
                .body("[1].after.value", equalTo(95))
                .body("[2].after", nullValue());
    }

    @Test
    void sendingTheSameTargetAgainChangesNothing() {
        String path = "/api/v1/targets/2027/projects.started/220403";
        String body = "{\"value\":12,\"phasing\":[{\"period\":\"2027Q2\",\"value\":12},{\"period\":\"2027Q1\",\"value\":6}],\"note\":\"plan\"}";
        given().contentType(ContentType.JSON).auth().oauth2(PLANNING_OFFICE).body(body)
                .when().put(path).then().statusCode(201).body("version", equalTo(0));
        // The same target again, written differently (scale, checkpoint order) and with a version already
        // overtaken: nothing changes, so neither an audit row nor a conflict.
        given().contentType(ContentType.JSON).auth().oauth2(DEPUTY_MAYOR)
                .body("{\"value\":12.00,\"phasing\":[{\"period\":\"2027Q1\",\"value\":6.0},{\"period\":\"2027Q2\",\"value\":12}],\"note\":\"plan\",\"version\":0}")
                .when().put(path).then().statusCode(200).body("version", equalTo(0)).body("updatedBy", equalTo("planning-office"));
        given().when().get(path + "/history").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("CREATED")));
        // A different note is a change.
        given().contentType(ContentType.JSON).auth().oauth2(DEPUTY_MAYOR)
                .body("{\"value\":12,\"phasing\":[{\"period\":\"2027Q1\",\"value\":6},{\"period\":\"2027Q2\",\"value\":12}],\"note\":\"plan v2\",\"version\":0}")
                .when().put(path).then().statusCode(200).body("version", equalTo(1));
        given().when().get(path + "/history").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("CREATED", "UPDATED")));
    }

    @Test
    void aCityTargetIsTheSumOfItsDistrictsUnlessSetItself() {
        put("/api/v1/targets/2027/investment.funds-arrived/220421", "{\"value\":746000}");
        put("/api/v1/targets/2027/investment.funds-arrived/220471", "{\"value\":209000.50}");
        given().when().get("/api/v1/targets/2027/investment.funds-arrived/220400")
                .then().statusCode(200)
                .body("source", equalTo("SUM_OF_CHILDREN"))
                .body("value", equalTo(955000.5f))
                .body("version", nullValue());
        put("/api/v1/targets/2027/investment.funds-arrived/220400", "{\"value\":1000000}");
        given().when().get("/api/v1/targets/2027/investment.funds-arrived/220400")
                .then().statusCode(200).body("source", equalTo("EXPLICIT")).body("value", equalTo(1000000.0f));
        // Rates are not added up: a city rate target has to be set.
        put("/api/v1/targets/2027/livelihood.hotline-satisfaction-rate/220421", "{\"value\":85}");
        given().when().get("/api/v1/targets/2027/livelihood.hotline-satisfaction-rate/220400").then().statusCode(404);

        given().queryParam("year", 2027).queryParam("kpiId", "investment.funds-arrived")
                .when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("orgUnit", hasItems("220400", "220421", "220471"));
        String csv = given().accept("text/csv").queryParam("year", 2027).when().get("/api/v1/targets")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.lines().anyMatch(l -> l.startsWith("2027,investment.funds-arrived,220421,东丰县,746000")), csv);
    }

    @Test
    void refusesBadTargetsWithAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"value\":-1}")
                .when().put(START_RATE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("value")).body("errors[0].rule", equalTo("DecimalMin"));
        given().contentType(ContentType.JSON)
                .body("{\"value\":100,\"phasing\":[{\"period\":\"2027Q1\",\"value\":60},{\"period\":\"2027-05\",\"value\":40}]}")
                .when().put(START_RATE)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("phasing[1].value")).body("errors[0].rule", equalTo("Cumulative"));
        given().contentType(ContentType.JSON)
                .body("{\"value\":100,\"phasing\":[{\"period\":\"2026Q1\",\"value\":50}]}")
                .when().put(START_RATE)
                .then().statusCode(400).body("errors[0].rule", equalTo("SameYear"));
        given().contentType(ContentType.JSON)
                .body("{\"value\":100,\"phasing\":[{\"period\":\"Q1\",\"value\":50}]}")
                .when().put(START_RATE)
                .then().statusCode(400).body("errors[0].field", equalTo("phasing[0].period"));
        given().contentType(ContentType.JSON)
                .body("{\"value\":85,\"phasing\":[{\"period\":\"2027Q1\",\"value\":85}]}")
                .when().put("/api/v1/targets/2027/livelihood.hotline-satisfaction-rate/220421")
                .then().statusCode(400).body("errors[0].rule", equalTo("CumulativeOnly"));
        given().auth().none().contentType(ContentType.JSON).body("{\"value\":1}")
                .when().put(START_RATE)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clerk("220471")).contentType(ContentType.JSON).body("{\"value\":1}")
                .when().put(START_RATE)
                .then().statusCode(403).contentType("application/problem+json")
                .body("context.requiredRoles", equalTo(java.util.List.of("city-admin")));
        given().contentType(ContentType.JSON).body("{\"value\":1}")
                .when().put("/api/v1/targets/2027/projects.nothing/220471")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"value\":1}")
                .when().put("/api/v1/targets/2027/projects.started/999999")
                .then().statusCode(404);
        given().when().get("/api/v1/targets/2027/projects.started/220471/history").then().statusCode(200).body("$", hasSize(0));
    }

    private static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }
}
