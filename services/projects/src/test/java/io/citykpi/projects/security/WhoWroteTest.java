package io.citykpi.projects.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citykpi.projects.ProjectsApi;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.TopicReader;
import io.citykpi.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every write keeps who made it (rows and events), and a clerk moves a project only between its own units. */
@QuarkusTest
class WhoWroteTest {

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @Test
    void aClerksRegistrationNamesTheClerkInTheRowsAndOnTheEvent() {
        String code = ProjectsApi.newCode("WHO");
        String id = given().auth().oauth2(Tokens.clerk("220402")).contentType(ContentType.JSON)
                .body(register(code, "220402"))
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> event = TopicReader.read(bootstrapServers, Topics.PROJECTS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("clerk-220402", header(event, "ce_actor"));
        assertEquals(Tokens.subjectOf("clerk-220402"), header(event, "ce_actorid"));
        assertEquals(List.of("clerk-220402", Tokens.subjectOf("clerk-220402"), "clerk-220402"),
                row("select recorded_by, recorded_by_id, updated_by from project where id = :id", id));
        assertEquals(List.of("clerk-220402", Tokens.subjectOf("clerk-220402")),
                row("select recorded_by, recorded_by_id from project_stage_change where project_id = :id", id));
    }

    @Test
    void aClerkCannotMoveAProjectToAUnitItDoesNotCoverButTheCityAdministratorCan() {
        String code = ProjectsApi.newCode("MOVE");
        String id = given().auth().oauth2(Tokens.clerk("220402")).contentType(ContentType.JSON)
                .body(register(code, "220402")).when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.clerk("220402")).contentType(ContentType.JSON).body(update("220403", 0))
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("clerk of 220402 may not write for 220403 (西安区): a clerk writes for its own "
                        + "org unit and the units below it"))
                .body("context.orgUnit", equalTo("220403"))
                .body("context.callerOrgUnit", equalTo("220402"));
        given().auth().oauth2(Tokens.clerk("220403")).contentType(ContentType.JSON).body(update("220403", 0))
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(403).body("context.orgUnit", equalTo("220402"));

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(update("220403", 0))
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(200).body("orgUnit", equalTo("220403"));
        assertEquals(List.of("clerk-220402", "admin", Tokens.subjectOf("admin")),
                row("select recorded_by, updated_by, updated_by_id from project where id = :id", id));
    }

    @Test
    void aServiceAccountIsNamedByItsClientId() {
        String id = given().auth().oauth2(Tokens.serviceAccount("citykpi-demo-loader", "220400", "city-admin"))
                .contentType(ContentType.JSON).body(register(ProjectsApi.newCode("SA"), "220421"))
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        ConsumerRecord<String, byte[]> event = TopicReader.read(bootstrapServers, Topics.PROJECTS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("citykpi-demo-loader", header(event, "ce_actor"));
        assertEquals(Tokens.subjectOf("service-account-citykpi-demo-loader"), header(event, "ce_actorid"));
    }

    @Test
    void aClerkWithoutAnOrgUnitClaimWritesNothing() {
        given().auth().oauth2(Tokens.user("new-clerk", null, "district-clerk")).contentType(ContentType.JSON)
                .body(register(ProjectsApi.newCode("NOUNIT"), "220402"))
                .when().post("/api/v1/projects")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://citykpi.io/problems/org-unit-not-covered"));
    }

    private static String register(String code, String orgUnit) {
        return """
                {"code":"%s","name":"谁写的测试","orgUnit":"%s","sector":"EQUIPMENT","constructionType":"NEW",
                 "totalInvestment":900.00}""".formatted(code, orgUnit);
    }

    private static String update(String orgUnit, int version) {
        return """
                {"name":"谁写的测试","orgUnit":"%s","sector":"EQUIPMENT","constructionType":"NEW",
                 "totalInvestment":900.00,"version":%d}""".formatted(orgUnit, version);
    }

    private List<Object> row(String sql, String id) {
        Object result = em.createNativeQuery(sql).setParameter("id", UUID.fromString(id)).getSingleResult();
        return result instanceof Object[] columns ? List.of(columns) : List.of(result);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
