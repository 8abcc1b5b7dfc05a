package io.citykpi.safety.hazard;

import static io.citykpi.safety.SafetyApi.decide;
import static io.citykpi.safety.SafetyApi.inspect;
import static io.citykpi.safety.SafetyApi.listing;
import static io.citykpi.safety.SafetyApi.rectify;
import static io.citykpi.safety.SafetyApi.requestExtension;
import static io.citykpi.safety.SafetyApi.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.safety.MutableClock;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a subscriber of citykpi.safety-inspection.v1 sees of one hazard's whole life. */
@QuarkusTest
class SafetyEventsTest {

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Inject
    OverdueJob job;

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFullHazardLifeProducesExactlyTheExpectedEventsInOrder() throws Exception {
        LocalDate found = today().minusDays(10);
        ValidatableResponse inspection = inspect("220421", found,
                "[{\"severity\":\"MAJOR\",\"description\":\"液化气罐存放不规范\",\"deadline\":\"" + found.plusDays(12) + "\"}]")
                .statusCode(201);
        String inspectionId = inspection.extract().path("inspection.id");
        String id = inspection.extract().path("hazards[0].id");
        listing(id, found.plusDays(1)).statusCode(200);
        clock.advance(Duration.ofDays(5));
        job.runOnce();
        LocalDate today = today();
        String extension = requestExtension(id, today.plusDays(20)).statusCode(201).extract().path("id");
        decide(id, extension, true, today).statusCode(200);
        rectify(id, today).statusCode(200);
        verify(id, today, false).statusCode(200);
        rectify(id, today).statusCode(200);
        verify(id, today, true).statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.SAFETY_INSPECTION,
                r -> id.equals(r.key()) || inspectionId.equals(r.key()), 10, Duration.ofSeconds(30));
        assertEquals(List.of(
                        "citykpi.safety-inspection.inspection-recorded.v1",
                        "citykpi.safety-inspection.hazard-found.v1",
                        "citykpi.safety-inspection.hazard-listed.v1",
                        "citykpi.safety-inspection.hazard-overdue.v1",
                        "citykpi.safety-inspection.deadline-extension-requested.v1",
                        "citykpi.safety-inspection.deadline-extension-decided.v1",
                        "citykpi.safety-inspection.hazard-rectified.v1",
                        "citykpi.safety-inspection.hazard-verified.v1",
                        "citykpi.safety-inspection.hazard-rectified.v1",
                        "citykpi.safety-inspection.hazard-verified.v1"),
                ordered(records));
        AsyncApiContract contract = AsyncApiContract.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(List.of(), contract.violations(record), header(record, "ce_type"));
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode overdue = json.readTree(byType(records, "hazard-overdue").value());
        assertEquals(found.plusDays(12).toString(), overdue.get("deadline").asText());
        assertEquals(found.plusDays(13).toString(), overdue.get("effectiveDate").asText());
        assertEquals(true, overdue.get("listed").asBoolean());
        List<ConsumerRecord<String, byte[]>> verifications = records.stream()
                .filter(r -> header(r, "ce_type").contains("hazard-verified")).toList();
        assertEquals("OPEN", json.readTree(verifications.get(0).value()).get("status").asText());
        assertEquals("CLOSED", json.readTree(verifications.get(1).value()).get("status").asText());
    }

    /** The inspection's own event is on another key (another partition, maybe): put it first, keep the hazard's order. */
    private static List<String> ordered(List<ConsumerRecord<String, byte[]>> records) {
        List<String> types = new java.util.ArrayList<>();
        records.stream().filter(r -> header(r, "ce_type").contains("inspection-recorded")).forEach(r -> types.add(header(r, "ce_type")));
        records.stream().filter(r -> !header(r, "ce_type").contains("inspection-recorded")).forEach(r -> types.add(header(r, "ce_type")));
        return types;
    }

    private static ConsumerRecord<String, byte[]> byType(List<ConsumerRecord<String, byte[]>> records, String name) {
        return records.stream().filter(r -> header(r, "ce_type").contains(name)).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
