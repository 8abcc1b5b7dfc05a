package io.citykpi.gateway.targets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.TopicReader;
import io.citykpi.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Other systems follow targets on citykpi.gateway.v1: one event per change, none for a refused one. */
@QuarkusTest
class TargetEventsTest {

    private static final String KEY = "2028/projects.start-rate/220471";
    private static final String PATH = "/api/v1/targets/" + KEY;

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void everyChangeOfATargetIsPublishedInOrder() throws IOException {
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.user("planning-office", "220400", "city-admin"))
                .body("{\"value\":100,\"phasing\":[{\"period\":\"2028Q1\",\"value\":50}],\"note\":\"Q1 ≥ 50%\"}")
                .when().put(PATH).then().statusCode(201);
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.user("deputy-mayor", "220400", "city-admin"))
                .body("{\"value\":95.5,\"version\":0}")
                .when().put(PATH).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"value\":90,\"version\":0}")
                .when().put(PATH).then().statusCode(409);
        given().auth().oauth2(Tokens.user("planning-office", "220400", "city-admin")).when().delete(PATH).then().statusCode(204);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.GATEWAY,
                r -> KEY.equals(r.key()), 3, Duration.ofSeconds(30));
        assertEquals(List.of("citykpi.gateway.target-set.v1", "citykpi.gateway.target-set.v1",
                "citykpi.gateway.target-removed.v1"), records.stream().map(r -> header(r, "ce_type")).toList(),
                "two changes and the removal; the refused change published nothing");
        AsyncApiContract contract = AsyncApiContract.load();
        records.forEach(r -> assertEquals(List.of(), contract.violations(r)));
        records.forEach(r -> assertEquals("220471", header(r, "ce_orgunit")));
        records.forEach(r -> assertEquals("/citykpi/gateway", header(r, "ce_source")));
        assertEquals(List.of("planning-office", "deputy-mayor", "planning-office"),
                records.stream().map(r -> header(r, "ce_actor")).toList(), "who made each change");
        assertEquals(Tokens.subjectOf("deputy-mayor"), header(records.get(1), "ce_actorid"));

        JsonNode set = payload(records.get(0));
        assertEquals(100, set.get("value").intValue());
        assertEquals("2028Q1", set.get("phasing").get(0).get("period").asText());
        assertEquals(0, set.get("version").intValue());
        assertTrue(set.get("previous").isNull(), "set for the first time");
        assertEquals("planning-office", set.get("changedBy").asText());
        assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), set.get("effectiveDate").asText());

        JsonNode changed = payload(records.get(1));
        assertTrue(new String(records.get(1).value(), StandardCharsets.UTF_8).contains("\"value\":95.5,"),
                "the target is written as an exact decimal");
        assertEquals(1, changed.get("version").intValue());
        assertEquals(100, changed.get("previous").get("value").intValue());
        assertEquals("deputy-mayor", changed.get("changedBy").asText());

        JsonNode removed = payload(records.get(2));
        assertEquals(1, removed.get("previous").get("version").intValue());
        assertEquals("%", removed.get("unit").asText());
    }

    private static JsonNode payload(ConsumerRecord<String, byte[]> record) throws IOException {
        return new ObjectMapper().readTree(record.value());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
