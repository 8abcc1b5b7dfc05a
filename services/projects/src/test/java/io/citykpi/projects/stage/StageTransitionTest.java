package io.citykpi.projects.stage;

import static io.citykpi.projects.ProjectsApi.register;
import static io.citykpi.projects.ProjectsApi.today;
import static io.citykpi.projects.ProjectsApi.transition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citykpi.shared.contract.projects.ProjectStage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StageTransitionTest {

    private static final LocalDate START = today().minusDays(60);

    @Test
    void walksTheWholeLifeIncludingASuspensionAndKeepsTheHistory() {
        String id = register("PLANNED", START);
        List<String> path = List.of("RESERVE", "PREPARATION", "UNDER_CONSTRUCTION", "SUSPENDED", "UNDER_CONSTRUCTION",
                "COMPLETED", "IN_PRODUCTION");
        for (int i = 0; i < path.size(); i++) {
            transition(id, path.get(i), START.plusDays(i + 1)).statusCode(200).body("stage", equalTo(path.get(i)));
        }
        given().when().get("/api/v1/projects/" + id)
                .then().statusCode(200)
                .body("project.stage", equalTo("IN_PRODUCTION"))
                .body("stageHistory", hasSize(8))
                .body("stageHistory.toStage", contains("PLANNED", "RESERVE", "PREPARATION", "UNDER_CONSTRUCTION",
                        "SUSPENDED", "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION"))
                .body("stageHistory[4].fromStage", equalTo("UNDER_CONSTRUCTION"))
                .body("stageHistory[5].effectiveDate", equalTo(START.plusDays(5).toString()));
    }

    @Test
    void refusesEveryIllegalTransitionWith409NamingTheAllowedNextStages() {
        List<String> wrong = new ArrayList<>();
        for (ProjectStage from : ProjectStage.values()) {
            Set<ProjectStage> illegal = EnumSet.complementOf(EnumSet.copyOf(from.next().isEmpty()
                    ? EnumSet.noneOf(ProjectStage.class) : from.next()));
            for (ProjectStage to : illegal) {
                String id = projectIn(from);
                int status = transition(id, to.name(), today()).extract().statusCode();
                if (status != 409) {
                    wrong.add(from + "→" + to + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);

        String planned = projectIn(ProjectStage.PLANNED);
        transition(planned, "UNDER_CONSTRUCTION", today())
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/illegal-stage-transition"))
                .body("context.currentStage", equalTo("PLANNED"))
                .body("context.allowedNextStages", contains("RESERVE", "CANCELLED"));
    }

    @Test
    void allowsEveryLegalTransition() {
        for (ProjectStage from : ProjectStage.values()) {
            for (ProjectStage to : from.next()) {
                transition(projectIn(from), to.name(), today()).statusCode(200).body("stage", equalTo(to.name()));
            }
        }
    }

    @Test
    void refusesAnEffectiveDateInTheFuture() {
        String id = register("PLANNED", START);
        transition(id, "RESERVE", today().plusDays(1))
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"))
                .body("errors[0].rule", equalTo("BusinessDate"));
    }

    @Test
    void refusesAnEffectiveDateBeforeThePreviousTransition() {
        String id = register("PLANNED", START);
        transition(id, "RESERVE", START.plusDays(10)).statusCode(200);
        transition(id, "PREPARATION", START.plusDays(9))
                .statusCode(409)
                .body("type", endsWith("/effective-date-before-previous-change"))
                .body("context.previousEffectiveDate", equalTo(START.plusDays(10).toString()));
        transition(id, "PREPARATION", START.plusDays(10)).statusCode(200);
    }

    @Test
    void refusesADateBeforeTheProjectEnteredTheRegister() {
        String id = register("PLANNED", START);
        transition(id, "RESERVE", START.minusDays(1)).statusCode(409);
    }

    @Test
    void refusesAMissingStageAndAnUnknownProject() {
        given().contentType(ContentType.JSON).body("{\"effectiveDate\":\"" + today() + "\"}")
                .when().post("/api/v1/projects/" + register("PLANNED", START) + "/stage-transitions")
                .then().statusCode(400).body("errors[0].field", equalTo("stage"));
        transition("0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", "RESERVE", today()).statusCode(404);
    }

    @Test
    void refusesSuspendedOrCancelledAsTheStageAProjectEntersTheRegisterIn() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"T-INIT-1","name":"x","orgUnit":"220402","sector":"EQUIPMENT","constructionType":"NEW",
                         "totalInvestment":800,"initialStage":"SUSPENDED"}""")
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("initialStage"));
    }

    /** A fresh project in the given stage, reached by the shortest legal path. */
    private static String projectIn(ProjectStage stage) {
        return switch (stage) {
            case SUSPENDED -> {
                String id = register("UNDER_CONSTRUCTION", START);
                transition(id, "SUSPENDED", START.plusDays(1)).statusCode(200);
                yield id;
            }
            case CANCELLED -> {
                String id = register("PLANNED", START);
                transition(id, "CANCELLED", START.plusDays(1)).statusCode(200);
                yield id;
            }
            default -> register(stage.name(), START);
        };
    }
}
