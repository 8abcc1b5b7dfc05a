package io.citykpi.projects.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citykpi.testkit.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectResourceTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    EntityManager em;

    static String code() {
        return "T-RES-" + SEQ.incrementAndGet();
    }

    static String body(String code, String orgUnit, String totalInvestment) {
        return """
                {"code":"%s","name":"北方碳纤维无人机螺旋桨项目","orgUnit":"%s","sector":"NEW_MATERIALS",
                 "constructionType":"NEW","totalInvestment":%s}""".formatted(code, orgUnit, totalInvestment);
    }

    @Test
    void registersAKeyProjectAndServesIt() {
        String code = code();
        String location = given().contentType(ContentType.JSON).body(body(code, "220402", "32000.00"))
                .when().post("/api/v1/projects")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/projects/"))
                .body("code", equalTo(code))
                .body("orgUnit", equalTo("220402"))
                .body("totalInvestment", equalTo(32000.00f))
                .body("sizeClass", equalTo("OVER_100M"))
                .body("stage", equalTo("PLANNED"))
                .body("registeredOn", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
                .body("recordedAt", notNullValue())
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("project.code", equalTo(code))
                .body("project.name", equalTo("北方碳纤维无人机螺旋桨项目"))
                .body("project.sector", equalTo("NEW_MATERIALS"))
                .body("stageHistory[0].toStage", equalTo("PLANNED"))
                .body("plans", hasSize(0));
    }

    @Test
    void keepsMoneyExact() {
        given().contentType(ContentType.JSON).body(body(code(), "220421", "500.1"))
                .when().post("/api/v1/projects")
                .then().statusCode(201)
                .body(containsString("\"totalInvestment\":500.10"))
                .body("sizeClass", equalTo("KEY"));
    }

    @Test
    void refusesADuplicateCodeWith409() {
        String code = code();
        given().contentType(ContentType.JSON).body(body(code, "220402", "800")).post("/api/v1/projects")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(body(code, "220403", "900"))
                .when().post("/api/v1/projects")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-code"))
                .body("detail", containsString(code));
    }

    @Test
    void namesEveryInvalidFieldAndTheRuleItBroke() {
        long before = rows();
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"bad code","name":" ","orgUnit":"999999","sector":"NEW_MATERIALS",
                         "constructionType":"NEW","totalInvestment":-5}""")
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(4))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.find { it.field == 'orgUnit' }.rule", equalTo("OrgUnitCode"))
                .body("errors.find { it.field == 'totalInvestment' }.rule", equalTo("DecimalMin"));
        assertEquals(before, rows(), "nothing is written for a rejected request");
    }

    @Test
    void refusesAnEffectiveDateInTheFuture() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        given().contentType(ContentType.JSON)
                .body(body(code(), "220402", "600").replace("}", ",\"registeredOn\":\"" + tomorrow + "\"}"))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("registeredOn"))
                .body("errors[0].rule", equalTo("BusinessDate"));
    }

    @Test
    void explainsAnUnknownEnumValue() {
        given().contentType(ContentType.JSON)
                .body(body(code(), "220402", "600").replace("NEW_MATERIALS", "STEEL"))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sector"))
                .body("errors[0].message", containsString("NEW_MATERIALS"));
    }

    @Test
    void refusesAnUnknownFieldInsteadOfDroppingIt() {
        given().contentType(ContentType.JSON)
                .body(body(code(), "220402", "600").replace("}", ",\"totalInvestmen\":1}"))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("totalInvestmen"))
                .body("errors[0].rule", equalTo("UnknownField"));
    }

    @Test
    void refusesMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"code\":")
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)"));
    }

    @Test
    void refusesAMissingBody() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void answers404ForAnUnknownProject() {
        given().when().get("/api/v1/projects/0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
        given().when().get("/api/v1/projects/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void servesTheStandardEndpoints() {
        given().auth().none().when().get(Management.url("/q/health/ready")).then().statusCode(200)
                .body("checks.name", hasItem("kafka-outbox"));
        given().auth().none().when().get(Management.url("/q/health/live")).then().statusCode(200);
        given().auth().none().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(containsString("citykpi_outbox_pending_events"));
        given().auth().none().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/projects'.post.summary", equalTo("Register a key project"))
                .body("paths.'/api/v1/projects'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/projects/{id}'.get.responses.'500'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }

    private long rows() {
        return ((Number) em.createNativeQuery("select (select count(*) from project) + (select count(*) from outbox_event)")
                .getSingleResult()).longValue();
    }
}
