package io.citykpi.gateway.ingest;

import static io.citykpi.gateway.ServedKpis.awaitRegistered;
import static io.citykpi.gateway.ServedKpis.registered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.EventSender;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A record nobody can read is set aside with its reason, and the events behind it still count. */
@QuarkusTest
class DeadLetterTest {

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private final DomainEvents live = DomainEvents.recordedNow();

    @Test
    void parksUnreadableRecordsWithTheReasonAndKeepsConsuming() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        int before = registered(year, "220471");
        try (EventSender events = new EventSender(bootstrapServers)) {
            events.sendRaw("no-headers", "{\"projectId\":\"x\"}");
            CloudEvent broken = live.newProject("220471", "900", LocalDate.now(ZoneId.of("Asia/Shanghai")));
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken.data()).remove("effectiveDate");
            events.send(broken);
            events.send(live.newProject("220471", "900", LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        }

        assertEquals(before + 1, awaitRegistered(year, "220471", before + 1, Duration.ofSeconds(20)));

        List<ConsumerRecord<String, byte[]>> letters = TopicReader.read(bootstrapServers, Topics.DEAD_LETTER,
                r -> true, 2, Duration.ofSeconds(20));
        assertTrue(letters.stream().anyMatch(r -> "no-headers".equals(r.key())
                && reason(r).contains("missing header ce_specversion")
                && header(r, DeadLetters.TOPIC).equals(Topics.PROJECTS)), "unreadable record parked with reason");
        assertTrue(letters.stream().anyMatch(r -> reason(r).contains("effectiveDate")),
                "event breaking the payload contract parked with reason");
    }

    @Test
    void parksPayloadsThatDoNotFitTheContractNamingTheField() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        int before = registered(year, "220422");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (EventSender events = new EventSender(bootstrapServers)) {
            CloudEvent unknownStage = live.newProject("220422", "900", today);
            ((com.fasterxml.jackson.databind.node.ObjectNode) unknownStage.data()).put("stage", "BUILDING");
            events.send(unknownStage);
            CloudEvent amountAsText = live.newProject("220422", "900", today);
            ((com.fasterxml.jackson.databind.node.ObjectNode) amountAsText.data()).put("totalInvestment", "900");
            events.send(amountAsText);
            events.send(live.newProject("220422", "900", today));
        }
        assertEquals(before + 1, awaitRegistered(year, "220422", before + 1, Duration.ofSeconds(20)),
                "only the event that fits the contract counts");
        assertEquals(1, TopicReader.read(bootstrapServers, Topics.DEAD_LETTER,
                r -> reason(r).contains("BUILDING") && reason(r).contains("(field stage)"), 1, Duration.ofSeconds(20)).size(),
                "a stage the contract's ProjectStage does not have is parked, naming the field");
        assertEquals(1, TopicReader.read(bootstrapServers, Topics.DEAD_LETTER,
                r -> reason(r).contains("(field totalInvestment)"), 1, Duration.ofSeconds(20)).size(),
                "an amount written as text is parked, naming the field");
    }

    @Test
    void countsEventsOfATypeNoKpiUsesAndGoesOn() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        int before = registered(year, "220403");
        String type = "citykpi.projects.project-renamed.v9";
        try (EventSender events = new EventSender(bootstrapServers)) {
            CloudEvent project = live.newProject("220403", "900", LocalDate.now(ZoneId.of("Asia/Shanghai")));
            events.send(new CloudEvent(java.util.UUID.randomUUID(), project.source(), type, project.time(),
                    project.subject(), project.orgUnit(), project.data()));
            events.send(live.newProject("220403", "900", LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        }
        assertEquals(before + 1, awaitRegistered(year, "220403", before + 1, Duration.ofSeconds(20)),
                "the unknown type is not counted as a project; the next event is");
        assertEquals(1.0, registry.counter("citykpi.gateway.events.unused", "topic", Topics.PROJECTS, "type", type).count(),
                "counted once in citykpi_gateway_events_unused_total");
    }

    @Test
    void deadLettersExpireWhileEventTopicsKeepEverything() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTER),
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROJECTS))).all().get();
            assertEquals("2592000000", configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTER))
                    .get(TopicConfig.RETENTION_MS_CONFIG).value(), "30 days");
            assertEquals("-1", configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROJECTS))
                    .get(TopicConfig.RETENTION_MS_CONFIG).value(), "forever");
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return header(record, DeadLetters.REASON);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
