package io.citykpi.projects.statistics;

import static io.citykpi.projects.ProjectsApi.register;
import static io.citykpi.projects.ProjectsApi.today;
import static io.citykpi.projects.ProjectsApi.transition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatRegistrationTest {

    @Test
    void recordsStatisticalRegistrationIndependentlyOfTheStage() {
        String id = register("PREPARATION", today().minusDays(30));
        given().when().get("/api/v1/projects/" + id).then().body("project.statRegistered", equalTo(false));
        put(id, today().minusDays(5)).statusCode(200)
                .body("statRegistered", equalTo(true))
                .body("statRegisteredOn", equalTo(today().minusDays(5).toString()))
                .body("stage", equalTo("PREPARATION"));
        put(id, today().minusDays(4)).statusCode(200).body("statRegisteredOn", equalTo(today().minusDays(4).toString()));
    }

    @Test
    void refusesAFutureDateAndACancelledProject() {
        String id = register("PLANNED", today().minusDays(30));
        put(id, today().plusDays(1)).statusCode(400).body("errors[0].field", equalTo("registeredOn"));
        transition(id, "CANCELLED", today()).statusCode(200);
        put(id, today()).statusCode(409).body("type", endsWith("/project-cancelled"));
        put("0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", today()).statusCode(404);
    }

    private static ValidatableResponse put(String id, LocalDate date) {
        return given().contentType(ContentType.JSON).body("{\"registeredOn\":\"" + date + "\"}")
                .when().put("/api/v1/projects/" + id + "/statistical-registration").then();
    }
}
