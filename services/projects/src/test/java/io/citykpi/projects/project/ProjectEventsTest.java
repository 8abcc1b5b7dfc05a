package io.citykpi.projects.project;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What a subscribing system sees on citykpi.projects.v1 after a registration. */
@QuarkusTest
class ProjectEventsTest {

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void publishesProjectRegisteredAsABinaryCloudEventMatchingTheAsyncApiDocument() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"code":"T-EVT-1","name":"辽源高新区医疗器械产业园","orgUnit":"220471","sector":"MEDICINE_AND_HEALTH",
                         "constructionType":"EXPANSION_OR_UPGRADE","totalInvestment":120000.50,"leadUnit":"高新区管委会",
                         "registeredOn":"2025-03-01"}""")
                .post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.PROJECTS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "exactly one event for one registration");
        ConsumerRecord<String, byte[]> record = records.get(0);

        assertEquals("1.0", header(record, "ce_specversion"));
        UUID.fromString(header(record, "ce_id"));
        assertEquals("/citykpi/projects", header(record, "ce_source"));
        assertEquals("citykpi.projects.project-registered.v1", header(record, "ce_type"));
        assertEquals(id, header(record, "ce_subject"));
        assertEquals("220471", header(record, "ce_orgunit"));
        assertEquals("application/json", header(record, "content-type"));
        OffsetDateTime.parse(header(record, "ce_time"));

        assertTrue(new String(record.value(), StandardCharsets.UTF_8).contains("\"totalInvestment\":120000.50"),
                "money is written as an exact decimal");
        JsonNode payload = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(record.value());
        assertEquals("2025-03-01", payload.get("effectiveDate").asText(), "effective date, not the recording time");
        assertEquals(0, new BigDecimal("120000.50").compareTo(payload.get("totalInvestment").decimalValue()));
        assertEquals("OVER_1B", payload.get("sizeClass").asText());
        assertEquals(List.of(), AsyncApiContract.load().violations(record));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertTrue(header != null, "header " + name + " present");
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
