package io.citykpi.livelihood;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LivelihoodReportsTest {

    static ValidatableResponse put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    static String programme(String code, String planned) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"东丰县老旧小区改造","category":"OLD_ESTATE_RENOVATION","orgUnit":"220421",
                         "year":2025,"unit":"SQUARE_METRES","plannedQuantity":%s}""".formatted(code, planned))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    @Test
    void programmeProgressIsCorrectedAndOverDeliveryFlagged() {
        String id = programme("DF-2025-LJ-T1", "126000");
        put("/api/v1/programmes/" + id + "/progress/2025-05", "{\"quantity\":100000}").statusCode(201)
                .body("completedToDate", equalTo(100000.00f)).body("warnings", hasSize(0));
        put("/api/v1/programmes/" + id + "/progress/2025-06", "{\"quantity\":30000}").statusCode(201)
                .body("warnings[0]", equalTo("OVER_DELIVERED"));
        put("/api/v1/programmes/" + id + "/progress/2025-05", "{\"quantity\":90000}").statusCode(200)
                .body("previousQuantity", equalTo(100000.00f))
                .body("completedToDate", equalTo(120000.00f))
                .body("warnings", hasSize(0));
        given().get("/api/v1/programmes/" + id).then()
                .body("completionPercent", equalTo(95.2f))
                .body("months", hasSize(2));
    }

    @Test
    void programmeRules() {
        String id = programme("DF-2025-LJ-T2", "100");
        put("/api/v1/programmes/" + id + "/progress/2024-12", "{\"quantity\":1}").statusCode(409)
                .body("type", endsWith("/month-outside-programme-year"));
        put("/api/v1/programmes/" + id + "/progress/2025-13", "{\"quantity\":1}").statusCode(400)
                .body("errors[0].field", equalTo("month"));
        put("/api/v1/programmes/" + id + "/progress/2025-01", "{\"quantity\":-1}").statusCode(400)
                .body("errors[0].field", equalTo("quantity"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"DF-2025-LJ-T2","name":"x","category":"OTHER","orgUnit":"220421","year":2025,
                         "unit":"PLACES","plannedQuantity":1}""")
                .post("/api/v1/programmes").then().statusCode(409);
        put("/api/v1/programmes/0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11/progress/2025-01", "{\"quantity\":1}").statusCode(404);
    }

    @Test
    void assistanceIsCorrectedAndRolledUp() {
        put("/api/v1/assistance/220421/2024-04/MINIMUM_LIVING_ALLOWANCE", "{\"amount\":740,\"beneficiaryTimes\":1430}")
                .statusCode(201).body("previousAmount", nullValue());
        put("/api/v1/assistance/220421/2024-04/MINIMUM_LIVING_ALLOWANCE", "{\"amount\":750.5,\"beneficiaryTimes\":1431}")
                .statusCode(200).body("previousAmount", equalTo(740.00f)).body("previousBeneficiaryTimes", equalTo(1430));
        put("/api/v1/assistance/220422/2024-04/TEMPORARY_ASSISTANCE", "{\"amount\":20,\"beneficiaryTimes\":12}").statusCode(201);
        given().queryParam("year", 2024).get("/api/v1/assistance/220400").then().statusCode(200)
                .body("[3].amount", equalTo(770.50f)).body("[3].beneficiaryTimes", equalTo(1443));
        put("/api/v1/assistance/220400/2024-04/OTHER", "{\"amount\":1,\"beneficiaryTimes\":1}").statusCode(400)
                .body("errors[0].rule", equalTo("ReportingUnit"));
        put("/api/v1/assistance/220421/2024-04/PENSION", "{\"amount\":1,\"beneficiaryTimes\":1}").statusCode(404);
        String next = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).plusMonths(1).toString();
        put("/api/v1/assistance/220421/" + next + "/OTHER", "{\"amount\":1,\"beneficiaryTimes\":1}").statusCode(400)
                .body("errors[0].rule", equalTo("BusinessDate"));
    }

    @Test
    void employmentIsCorrectedAndTheCityReportsItsOwnRate() {
        put("/api/v1/employment/220400/2024-06",
                "{\"newUrbanJobs\":1500,\"registeredUnemploymentRate\":3.1,\"graduatePlacements\":200,\"veteranPlacements\":30}")
                .statusCode(201);
        put("/api/v1/employment/220400/2024-06",
                "{\"newUrbanJobs\":1520,\"registeredUnemploymentRate\":3.1,\"graduatePlacements\":200,\"veteranPlacements\":30}")
                .statusCode(200)
                .body("previous.newUrbanJobs", equalTo(1500))
                .body("figures.newUrbanJobs", equalTo(1520));
        put("/api/v1/employment/220402/2024-06",
                "{\"newUrbanJobs\":1,\"registeredUnemploymentRate\":101,\"graduatePlacements\":0,\"veteranPlacements\":0}")
                .statusCode(400).body("errors[0].field", equalTo("registeredUnemploymentRate"));
        given().queryParam("year", 2024).get("/api/v1/employment/220400").then()
                .body("[0].figures.registeredUnemploymentRate", equalTo(3.10f));
    }
}
