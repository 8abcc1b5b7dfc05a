package io.citykpi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The contract check must be able to fail, or the event tests prove nothing. */
class AsyncApiContractTest {

    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void acceptsAnEventAsDocumented() {
        assertEquals(List.of(), contract.violations(record("citykpi.projects.v1", "citykpi.projects.project-registered.v1",
                VALID)));
    }

    @Test
    void rejectsAPayloadMissingARequiredFieldOrCarryingAnUndocumentedOne() {
        List<String> missing = contract.violations(record("citykpi.projects.v1",
                "citykpi.projects.project-registered.v1", VALID.replace(",\"effectiveDate\":\"2025-02-10\"", "")));
        assertTrue(missing.stream().anyMatch(v -> v.contains("effectiveDate")), missing.toString());

        List<String> extra = contract.violations(record("citykpi.projects.v1",
                "citykpi.projects.project-registered.v1", VALID.replace("{", "{\"colour\":\"red\",")));
        assertTrue(extra.stream().anyMatch(v -> v.contains("colour")), extra.toString());

        List<String> money = contract.violations(record("citykpi.projects.v1",
                "citykpi.projects.project-registered.v1", VALID.replace("32000.00", "\"3.2亿\"")));
        assertTrue(money.stream().anyMatch(v -> v.contains("totalInvestment")), money.toString());
    }

    @Test
    void rejectsAnEventThatDoesNotSayWhoMadeTheChange() {
        ConsumerRecord<String, byte[]> anonymous = record("citykpi.projects.v1", "citykpi.projects.project-registered.v1",
                VALID);
        anonymous.headers().remove("ce_actor");
        List<String> violations = contract.violations(anonymous);
        assertTrue(violations.stream().anyMatch(v -> v.contains("ce_actor")), violations.toString());
    }

    @Test
    void rejectsAnUndocumentedTypeAndATypeOnTheWrongTopic() {
        assertTrue(contract.violations(record("citykpi.projects.v1", "citykpi.projects.project-painted.v1", VALID))
                .get(0).contains("no message named"));
        assertTrue(contract.violations(record("citykpi.investment.v1", "citykpi.projects.project-registered.v1", VALID))
                .stream().anyMatch(v -> v.contains("does not list")));
    }

    private static final String VALID = """
            {"projectId":"0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","code":"LY-2025-0001","name":"北方碳纤维无人机螺旋桨项目",\
            "orgUnit":"220402","sector":"NEW_MATERIALS","constructionType":"NEW","totalInvestment":32000.00,\
            "sizeClass":"OVER_100M","stage":"PLANNED","leadUnit":null,"location":null,"effectiveDate":"2025-02-10"}""";

    private static ConsumerRecord<String, byte[]> record(String topic, String type, String payload) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0, "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11",
                payload.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", "7d1b5f2e-8c1a-4a4e-9a55-2f0c9d7e6b10", "ce_source", "/citykpi/projects",
                        "ce_type", type, "ce_time", "2025-02-10T01:30:00.123Z",
                        "ce_subject", "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", "ce_orgunit", "220402",
                        "ce_actor", "clerk-220402", "ce_actorid", "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
                        "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
