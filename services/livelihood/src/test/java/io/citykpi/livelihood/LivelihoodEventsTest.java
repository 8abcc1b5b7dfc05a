package io.citykpi.livelihood;

import static io.citykpi.livelihood.hotline.HotlineCaseTest.receive;
import static io.citykpi.livelihood.hotline.HotlineCaseTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What a subscriber of citykpi.livelihood.v1 sees. */
@QuarkusTest
class LivelihoodEventsTest {

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void aFullCaseLifeProducesExactlyTheExpectedEventsInOrder() throws Exception {
        String number = receive("COMPLAINT", "2025-05-06T09:00:00+08:00");
        step(number, "acceptance", "{\"acceptedAt\":\"2025-05-06T10:00:00+08:00\"}").statusCode(200);
        step(number, "resolution", "{\"resolvedAt\":\"2025-05-08T10:00:00+08:00\",\"solved\":false}").statusCode(200);
        step(number, "feedback", "{\"feedbackAt\":\"2025-05-08T12:00:00+08:00\",\"feedback\":\"UNSATISFIED\"}").statusCode(200);
        step(number, "rework", "{\"sentBackAt\":\"2025-05-08T13:00:00+08:00\",\"reason\":\"群众反映问题未解决\"}").statusCode(200);
        step(number, "resolution", "{\"resolvedAt\":\"2025-05-12T10:00:00+08:00\",\"solved\":true}").statusCode(200);
        step(number, "feedback", "{\"feedbackAt\":\"2025-05-12T15:00:00+08:00\",\"feedback\":\"SATISFIED\"}").statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.LIVELIHOOD,
                r -> number.equals(r.key()), 7, Duration.ofSeconds(30));
        assertEquals(List.of(
                        "citykpi.livelihood.hotline-case-received.v1",
                        "citykpi.livelihood.hotline-case-accepted.v1",
                        "citykpi.livelihood.hotline-case-resolved.v1",
                        "citykpi.livelihood.hotline-case-feedback-recorded.v1",
                        "citykpi.livelihood.hotline-case-sent-back.v1",
                        "citykpi.livelihood.hotline-case-resolved.v1",
                        "citykpi.livelihood.hotline-case-feedback-recorded.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList());
        AsyncApiContract contract = AsyncApiContract.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(List.of(), contract.violations(record), header(record, "ce_type"));
        }
        JsonNode secondResolution = new ObjectMapper().readTree(records.get(5).value());
        assertEquals(1, secondResolution.get("reworkCount").asInt());
        assertEquals(true, secondResolution.get("onTime").asBoolean());
        assertEquals("2025-05-12", secondResolution.get("effectiveDate").asText());
    }

    @Test
    void correctionsCarryTheOldAndTheNewValues() throws Exception {
        String id = LivelihoodReportsTest.programme("DF-2025-EV-1", "1000");
        LivelihoodReportsTest.put("/api/v1/programmes/" + id + "/progress/2025-03", "{\"quantity\":100}").statusCode(201);
        LivelihoodReportsTest.put("/api/v1/programmes/" + id + "/progress/2025-03", "{\"quantity\":120}").statusCode(200);
        LivelihoodReportsTest.put("/api/v1/assistance/220403/2023-02/EXTREME_POVERTY_SUPPORT",
                "{\"amount\":10,\"beneficiaryTimes\":5}").statusCode(201);
        LivelihoodReportsTest.put("/api/v1/assistance/220403/2023-02/EXTREME_POVERTY_SUPPORT",
                "{\"amount\":12,\"beneficiaryTimes\":5}").statusCode(200);
        LivelihoodReportsTest.put("/api/v1/employment/220403/2023-02",
                "{\"newUrbanJobs\":10,\"graduatePlacements\":1,\"veteranPlacements\":0}").statusCode(201);
        LivelihoodReportsTest.put("/api/v1/employment/220403/2023-02",
                "{\"newUrbanJobs\":11,\"graduatePlacements\":1,\"veteranPlacements\":0}").statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.LIVELIHOOD,
                r -> id.equals(r.key()) || r.key().startsWith("220403/2023-02"), 7, Duration.ofSeconds(30));
        AsyncApiContract contract = AsyncApiContract.load();
        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(List.of(), contract.violations(record), header(record, "ce_type"));
        }
        JsonNode programme = json.readTree(byType(records, "programme-progress-corrected").value());
        assertEquals(100, programme.get("previousQuantity").asInt());
        assertEquals(120, programme.get("quantity").asInt());
        JsonNode assistance = json.readTree(byType(records, "assistance-corrected").value());
        assertEquals(10, assistance.get("previousAmount").asInt());
        assertEquals(12, assistance.get("amount").asInt());
        JsonNode employment = json.readTree(byType(records, "employment-corrected").value());
        assertEquals(10, employment.at("/previous/newUrbanJobs").asInt());
        assertEquals(11, employment.at("/figures/newUrbanJobs").asInt());
    }

    private static ConsumerRecord<String, byte[]> byType(List<ConsumerRecord<String, byte[]>> records, String name) {
        return records.stream().filter(r -> header(r, "ce_type").contains(name)).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
