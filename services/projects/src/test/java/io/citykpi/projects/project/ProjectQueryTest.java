package io.citykpi.projects.project;

import static io.citykpi.projects.ProjectsApi.plan;
import static io.citykpi.projects.ProjectsApi.register;
import static io.citykpi.projects.ProjectsApi.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.citykpi.projects.ProjectsApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectQueryTest {

    private static final String TAG = "QRY" + System.nanoTime() % 100000;
    private static String bigOne;

    /** Once per class, but after Quarkus is up (a static @BeforeAll would run before the HTTP port is known). */
    @BeforeEach
    void registerAFewProjects() {
        if (bigOne != null) {
            return;
        }
        register(TAG + "-A", "220402", "600", "PLANNED", today());
        register(TAG + "-B", "220402", "15000", "UNDER_CONSTRUCTION", today());
        String big = register(TAG + "-C", "220421", "120000", "PREPARATION", today());
        register(TAG + "-D", "220471", "300", "PLANNED", today());
        bigOne = big;
        plan(bigOne, 2025, "{\"plannedInvestment\":20900}").statusCode(201);
        given().contentType(ContentType.JSON).body("{\"registeredOn\":\"" + today() + "\"}")
                .put("/api/v1/projects/" + bigOne + "/statistical-registration").then().statusCode(200);
    }

    @Test
    void filtersByUnitAndCoversUnitsBelowIt() {
        given().queryParam("q", TAG).queryParam("orgUnit", "220402").when().get("/api/v1/projects")
                .then().statusCode(200).body("items.code", contains(TAG + "-A", TAG + "-B"));
        given().queryParam("q", TAG).queryParam("orgUnit", "220400").when().get("/api/v1/projects")
                .then().body("page.totalElements", equalTo(4));
    }

    @Test
    void filtersByStageSizeClassRegistrationAndPlanYear() {
        given().queryParam("q", TAG).queryParam("stage", "UNDER_CONSTRUCTION").get("/api/v1/projects")
                .then().body("items.code", contains(TAG + "-B"));
        given().queryParam("q", TAG).queryParam("sizeClass", "OVER_100M").get("/api/v1/projects")
                .then().body("items.code", contains(TAG + "-B"));
        given().queryParam("q", TAG).queryParam("sizeClass", "BELOW_KEY").get("/api/v1/projects")
                .then().body("items.code", contains(TAG + "-D"));
        given().queryParam("q", TAG).queryParam("statRegistered", true).get("/api/v1/projects")
                .then().body("items.code", contains(TAG + "-C"));
        given().queryParam("q", TAG).queryParam("statRegistered", false).get("/api/v1/projects")
                .then().body("items.code", not(hasItem(TAG + "-C")));
        given().queryParam("q", TAG).queryParam("planYear", 2025).get("/api/v1/projects")
                .then().body("items.code", contains(TAG + "-C"));
        given().queryParam("sector", "EQUIPMENT").queryParam("size", 200).get("/api/v1/projects")
                .then().body("items.sector", everyItem(equalTo("EQUIPMENT")));
    }

    @Test
    void sortsAndPages() {
        given().queryParam("q", TAG).queryParam("sort", "-totalInvestment").queryParam("size", 2).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.code", contains(TAG + "-C", TAG + "-B"))
                .body("page.number", equalTo(0))
                .body("page.size", equalTo(2))
                .body("page.totalElements", equalTo(4))
                .body("page.totalPages", equalTo(2));
        given().queryParam("q", TAG).queryParam("sort", "-totalInvestment").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/projects")
                .then().body("items.code", contains(TAG + "-A", TAG + "-D"));
    }

    @Test
    void refusesBadListParameters() {
        given().queryParam("sort", "colour").get("/api/v1/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("size", 500).get("/api/v1/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("stage", "BUILDING").get("/api/v1/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("stage"));
        given().queryParam("orgUnit", "123").get("/api/v1/projects")
                .then().statusCode(400).body("errors[0].rule", equalTo("OrgUnitCode"));
    }

    @Test
    void treatsSearchWildcardsLiterally() {
        given().queryParam("q", "%").get("/api/v1/projects").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void editsTheRegisterDataAndRefusesAStaleVersion() {
        String id = register(ProjectsApi.newCode("UPD"), "220402", "600", "PLANNED", today());
        String edit = """
                {"name":"改名后的项目","orgUnit":"220403","sector":"EQUIPMENT","constructionType":"NEW",
                 "totalInvestment":12000,"version":%d}""";
        given().contentType(ContentType.JSON).body(edit.formatted(0)).put("/api/v1/projects/" + id)
                .then().statusCode(200)
                .body("name", equalTo("改名后的项目"))
                .body("orgUnit", equalTo("220403"))
                .body("sizeClass", equalTo("OVER_100M"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(edit.formatted(0)).put("/api/v1/projects/" + id)
                .then().statusCode(409)
                .body("context.currentVersion", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").put("/api/v1/projects/" + id)
                .then().statusCode(400).body("errors.field", hasItem("version"));
    }
}
