package io.citykpi.projects.plan;

import static io.citykpi.projects.ProjectsApi.plan;
import static io.citykpi.projects.ProjectsApi.register;
import static io.citykpi.projects.ProjectsApi.today;
import static io.citykpi.projects.ProjectsApi.transition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnualPlanTest {

    private static final String PLAN = """
            {"plannedInvestment":20900.00,"plannedStartMonth":"2025-03","plannedCompletionMonth":"2025-11",
             "plannedProductionMonth":"2025-12"}""";

    @Test
    void setsAPlanThenReplacesIt() {
        String id = register("PREPARATION", today().minusDays(10));
        plan(id, 2025, PLAN).statusCode(201)
                .body("year", equalTo(2025))
                .body("plannedInvestment", equalTo(20900.00f))
                .body("plannedStartMonth", equalTo("2025-03"));
        plan(id, 2025, PLAN.replace("20900.00", "21000")).statusCode(200).body("plannedInvestment", equalTo(21000.00f));
        plan(id, 2026, PLAN.replace("2025-", "2026-")).statusCode(201);
        given().when().get("/api/v1/projects/" + id)
                .then().body("plans", hasSize(2)).body("plans[0].plannedInvestment", equalTo(21000.00f));
    }

    @Test
    void refusesAnAdoptionDayBeforeRegistrationOrInTheFuture() {
        String id = register("PREPARATION", today().minusDays(10));
        plan(id, 2025, PLAN.replace("}", ",\"adoptedOn\":\"" + today().minusDays(11) + "\"}")).statusCode(400)
                .body("errors[0].field", equalTo("adoptedOn"))
                .body("errors[0].rule", equalTo("NotBeforeRegistration"));
        plan(id, 2025, PLAN.replace("}", ",\"adoptedOn\":\"" + today().plusDays(1) + "\"}")).statusCode(400)
                .body("errors[0].rule", equalTo("BusinessDate"));
    }

    @Test
    void acceptsAMonthlyPhasingThatAddsUp() {
        String id = register("PREPARATION", today().minusDays(10));
        plan(id, 2025, """
                {"plannedInvestment":1200,"monthlyInvestment":[100,100,100,100,100,100,100,100,100,100,100,100]}""")
                .statusCode(201).body("monthlyInvestment", hasSize(12));
    }

    @Test
    void refusesAPhasingThatDoesNotAddUpOrHasTheWrongLength() {
        String id = register("PREPARATION", today().minusDays(10));
        plan(id, 2025, """
                {"plannedInvestment":1300,"monthlyInvestment":[100,100,100,100,100,100,100,100,100,100,100,100]}""")
                .statusCode(400).body("errors[0].rule", equalTo("SumEqualsPlannedInvestment"));
        plan(id, 2025, "{\"plannedInvestment\":100,\"monthlyInvestment\":[100]}")
                .statusCode(400).body("errors[0].field", equalTo("monthlyInvestment")).body("errors[0].rule", equalTo("Size"));
    }

    @Test
    void refusesMonthsOutOfOrder() {
        String id = register("PREPARATION", today().minusDays(10));
        plan(id, 2025, """
                {"plannedInvestment":100,"plannedStartMonth":"2025-06","plannedCompletionMonth":"2025-05",
                 "plannedProductionMonth":"2025-04"}""")
                .statusCode(400)
                .body("errors", hasSize(2))
                .body("errors.field", hasItem("plannedCompletionMonth"))
                .body("errors.rule", hasItem("NotBeforeStart"));
    }

    @Test
    void refusesABadYearAMissingAmountAndACancelledProject() {
        String id = register("PLANNED", today().minusDays(10));
        plan(id, 1999, PLAN).statusCode(400).body("errors[0].field", equalTo("year"));
        plan(id, 2025, "{\"plannedStartMonth\":\"2025-03\"}").statusCode(400)
                .body("errors[0].field", equalTo("plannedInvestment"));
        plan(id, 2025, "{\"plannedInvestment\":10,\"plannedStartMonth\":\"March\"}").statusCode(400)
                .body("errors[0].field", equalTo("plannedStartMonth"));
        transition(id, "CANCELLED", today()).statusCode(200);
        plan(id, 2025, PLAN).statusCode(409).body("type", endsWith("/project-cancelled"));
        plan("0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", 2025, PLAN).statusCode(404);
    }
}
