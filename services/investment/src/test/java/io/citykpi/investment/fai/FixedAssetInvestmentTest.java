package io.citykpi.investment.fai;

import static io.citykpi.investment.DealsApi.fai;
import static io.citykpi.investment.DealsApi.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FixedAssetInvestmentTest {

    @Test
    void reportsCorrectsAndComparesWithTheSameMonthLastYear() {
        fai("220403", "2024-04", "41000.00").statusCode(201).body("yoyGrowthPercent", nullValue());
        fai("220403", "2025-04", "46500.00").statusCode(201)
                .body("amount", equalTo(46500.00f))
                .body("previousAmount", nullValue())
                .body("sameMonthLastYear", equalTo(41000.00f))
                .body("yoyGrowthPercent", equalTo(13.4f));
        fai("220403", "2025-04", "47000").statusCode(200)
                .body("previousAmount", equalTo(46500.00f))
                .body("yoyGrowthPercent", equalTo(14.6f));
    }

    @Test
    void addsTheUnitsUpForTheCityWithYearToDateGrowth() {
        fai("220422", "2023-01", "100").statusCode(201);
        fai("220422", "2023-02", "100").statusCode(201);
        fai("220471", "2023-01", "300").statusCode(201);
        fai("220422", "2022-01", "200").statusCode(201);
        fai("220422", "2022-02", "100").statusCode(201);
        given().queryParam("year", 2023).get("/api/v1/fixed-asset-investment/220400")
                .then().statusCode(200)
                .body("months", hasSize(12))
                .body("months[0].amount", equalTo(400.00f))
                .body("months[0].reportingUnits", equalTo(2))
                .body("months[0].sameMonthLastYear", equalTo(200.00f))
                // Growth compares only unit-months with a figure a year earlier (as the gateway's KPI does):
                // 220471 has no January 2022, so January is 100 against 200 = -50%, not 400 against 200.
                .body("months[0].yoyGrowthPercent", equalTo(-50.0f))
                .body("months[1].yearToDate", equalTo(500.00f))
                // (100 + 100) against (200 + 100): -33.3%.
                .body("months[1].yearToDateGrowthPercent", equalTo(-33.3f))
                .body("months[2].amount", nullValue());
        given().queryParam("year", 2023).get("/api/v1/fixed-asset-investment/220422")
                .then().body("months[0].amount", equalTo(100.00f));
    }

    @Test
    void refusesTheCityAMonthNotBegunAndBadInput() {
        fai("220400", "2025-01", "100").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].rule", equalTo("ReportingUnit"));
        fai("220402", YearMonth.from(today()).plusMonths(1).toString(), "100").statusCode(400)
                .body("errors[0].rule", equalTo("BusinessDate"));
        fai("999999", "2025-01", "100").statusCode(400).body("errors[0].rule", equalTo("OrgUnitCode"));
        fai("220402", "2025-1", "100").statusCode(400).body("errors[0].field", equalTo("month"));
        fai("220402", "2025-01", "-1").statusCode(400).body("errors[0].field", equalTo("amount"));
        given().contentType("application/json").body("{\"amount\":100,\"submittedOn\":\"2024-12-31\"}")
                .put("/api/v1/fixed-asset-investment/220403/2025-01").then().statusCode(400)
                .body("errors[0].field", equalTo("submittedOn"))
                .body("errors[0].rule", equalTo("NotBeforeMonth"));
        given().get("/api/v1/fixed-asset-investment/220402").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }
}
