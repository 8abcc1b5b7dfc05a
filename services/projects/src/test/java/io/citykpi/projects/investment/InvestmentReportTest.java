package io.citykpi.projects.investment;

import static io.citykpi.projects.ProjectsApi.register;
import static io.citykpi.projects.ProjectsApi.report;
import static io.citykpi.projects.ProjectsApi.thisMonth;
import static io.citykpi.projects.ProjectsApi.today;
import static io.citykpi.projects.ProjectsApi.transition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvestmentReportTest {

    @Test
    void aFirstReportIs201AndAResubmissionCorrectsIt() {
        String id = register("UNDER_CONSTRUCTION", today().minusMonths(3));
        YearMonth month = thisMonth().minusMonths(1);
        report(id, month, "2300.00").statusCode(201)
                .body("amount", equalTo(2300.00f))
                .body("previousAmount", nullValue())
                .body("cumulativeAmount", equalTo(2300.00f))
                .body("warnings", hasSize(0));
        report(id, thisMonth(), "700").statusCode(201).body("cumulativeAmount", equalTo(3000.00f));
        report(id, month, "3200.00").statusCode(200)
                .body("amount", equalTo(3200.00f))
                .body("previousAmount", equalTo(2300.00f))
                .body("cumulativeAmount", equalTo(3900.00f));

        given().when().get("/api/v1/projects/" + id)
                .then().statusCode(200)
                .body("investmentReports", hasSize(2))
                .body("investmentReports[0].month", equalTo(month.toString()))
                .body("investmentReports[0].amount", equalTo(3200.00f))
                .body("cumulativeInvestment", equalTo(3900.00f));
    }

    @Test
    void acceptsACumulativeAboveTheTotalInvestmentWithAWarning() {
        String id = register("UNDER_CONSTRUCTION", today().minusMonths(2));
        report(id, thisMonth(), "10000.01").statusCode(201)
                .body("warnings", hasSize(1))
                .body("warnings[0].code", equalTo("CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT"));
    }

    @Test
    void refusesAMonthThatHasNotBegun() {
        String id = register("UNDER_CONSTRUCTION", today().minusMonths(2));
        report(id, thisMonth().plusMonths(1), "100").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"))
                .body("errors[0].rule", equalTo("BusinessDate"));
    }

    @Test
    void refusesAMalformedMonthOrANegativeAmount() {
        String id = register("UNDER_CONSTRUCTION", today().minusMonths(2));
        given().contentType(ContentType.JSON).body("{\"amount\":100}")
                .when().put("/api/v1/projects/" + id + "/investment-reports/2025-13")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        report(id, thisMonth(), "-1").statusCode(400)
                .body("errors[0].field", equalTo("amount")).body("errors[0].rule", equalTo("DecimalMin"));
        report(id, thisMonth(), "1.234").statusCode(400).body("errors[0].rule", equalTo("Digits"));
    }

    @Test
    void refusesReportsBeforeTheProjectReachedPreparation() {
        String id = register("RESERVE", today().minusMonths(3));
        report(id, thisMonth(), "100").statusCode(409)
                .body("type", endsWith("/not-in-preparation"))
                .body("context.currentStage", equalTo("RESERVE"));

        transition(id, "PREPARATION", today()).statusCode(200);
        report(id, thisMonth().minusMonths(1), "100").statusCode(409)
                .body("type", endsWith("/before-preparation"))
                .body("context.preparationReachedOn", equalTo(today().toString()));
        report(id, thisMonth(), "100").statusCode(201);
    }

    @Test
    void refusesReportsForACancelledProject() {
        String id = register("PREPARATION", today().minusMonths(3));
        report(id, thisMonth().minusMonths(1), "100").statusCode(201);
        transition(id, "CANCELLED", today()).statusCode(200);
        report(id, thisMonth(), "100").statusCode(409).body("type", endsWith("/project-cancelled"));
    }

    @Test
    void answers404ForAnUnknownProject() {
        report("0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", thisMonth(), "100").statusCode(404);
    }
}
