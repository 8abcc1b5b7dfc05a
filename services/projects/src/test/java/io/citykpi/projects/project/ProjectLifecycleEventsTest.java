package io.citykpi.projects.project;

import static io.citykpi.projects.ProjectsApi.plan;
import static io.citykpi.projects.ProjectsApi.register;
import static io.citykpi.projects.ProjectsApi.report;
import static io.citykpi.projects.ProjectsApi.thisMonth;
import static io.citykpi.projects.ProjectsApi.today;
import static io.citykpi.projects.ProjectsApi.transition;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.projects.ProjectsApi;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What a subscriber sees of one project's whole life: exactly these events, in this order, each per contract. */
@QuarkusTest
class ProjectLifecycleEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void aFullProjectLifeProducesExactlyTheExpectedEventsInOrder() throws Exception {
        LocalDate start = today().minusDays(40);
        String id = register(ProjectsApi.newCode("LIFE"), "220421", "18000.00", "PLANNED", start);
        plan(id, start.getYear(), "{\"plannedInvestment\":9000,\"plannedStartMonth\":\"" + thisMonth()
                + "\",\"adoptedOn\":\"" + start + "\"}").statusCode(201);
        transition(id, "RESERVE", start.plusDays(1)).statusCode(200);
        transition(id, "PREPARATION", start.plusDays(2)).statusCode(200);
        transition(id, "UNDER_CONSTRUCTION", start.plusDays(3)).statusCode(200);
        report(id, thisMonth(), "2300.00").statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"amount\":3200.00,\"submittedOn\":\"" + thisMonth().atDay(1) + "\"}")
                .put("/api/v1/projects/" + id + "/investment-reports/" + thisMonth()).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"registeredOn\":\"" + start.plusDays(5) + "\"}")
                .put("/api/v1/projects/" + id + "/statistical-registration").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("""
                        {"name":"东丰县梅花鹿产业园","orgUnit":"220421","sector":"AGRICULTURE_AND_FOOD",
                         "constructionType":"CONTINUING","totalInvestment":18000,"version":%d}"""
                        .formatted(given().get("/api/v1/projects/" + id).then().extract().<Integer>path("project.version")))
                .put("/api/v1/projects/" + id).then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.PROJECTS,
                r -> id.equals(r.key()), 9, Duration.ofSeconds(30));
        assertEquals(List.of(
                        "citykpi.projects.project-registered.v1",
                        "citykpi.projects.project-plan-set.v1",
                        "citykpi.projects.project-stage-changed.v1",
                        "citykpi.projects.project-stage-changed.v1",
                        "citykpi.projects.project-stage-changed.v1",
                        "citykpi.projects.project-investment-reported.v1",
                        "citykpi.projects.project-investment-corrected.v1",
                        "citykpi.projects.project-statistically-registered.v1",
                        "citykpi.projects.project-updated.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList());

        AsyncApiContract contract = AsyncApiContract.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(List.of(), contract.violations(record), header(record, "ce_type"));
        }

        JsonNode correction = JSON.readTree(records.get(6).value());
        assertEquals(0, new BigDecimal("2300.00").compareTo(correction.get("previousAmount").decimalValue()));
        assertEquals(0, new BigDecimal("3200.00").compareTo(correction.get("amount").decimalValue()));
        assertEquals(thisMonth().toString(), correction.get("month").asText());
        assertEquals(thisMonth().atEndOfMonth().toString(), correction.get("effectiveDate").asText());
        assertEquals(thisMonth().atDay(1).toString(), correction.get("submittedOn").asText(), "as the district submitted it");
        assertEquals(today().toString(), JSON.readTree(records.get(5).value()).get("submittedOn").asText(), "today by default");
        assertEquals(start.toString(), JSON.readTree(records.get(1).value()).get("effectiveDate").asText(),
                "the plan is effective from the day it was adopted");

        JsonNode construction = JSON.readTree(records.get(4).value());
        assertEquals("PREPARATION", construction.get("fromStage").asText());
        assertEquals("UNDER_CONSTRUCTION", construction.get("toStage").asText());
        assertEquals(start.plusDays(3).toString(), construction.get("effectiveDate").asText());

        JsonNode update = JSON.readTree(records.get(8).value());
        assertEquals("测试项目 " + JSON.readTree(records.get(0).value()).get("code").asText(),
                update.at("/changes/name/from").asText());
        assertEquals("CONTINUING", update.at("/changes/constructionType/to").asText());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
