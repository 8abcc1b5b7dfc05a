package io.citykpi.gateway;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.event.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the projects service: puts CloudEvents on citykpi.projects.v1 exactly as its outbox relay does. */
public final class ProjectEventsFixture implements AutoCloseable {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;

    public ProjectEventsFixture(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static CloudEvent registered(String orgUnit, String totalInvestment, LocalDate effectiveDate) {
        UUID projectId = UUID.randomUUID();
        ObjectNode data = MAPPER.createObjectNode()
                .put("projectId", projectId.toString())
                .put("code", "GW-" + SEQ.incrementAndGet())
                .put("name", "测试项目")
                .put("orgUnit", orgUnit)
                .put("sector", "EQUIPMENT")
                .put("constructionType", "NEW")
                .put("totalInvestment", new BigDecimal(totalInvestment))
                .put("sizeClass", "KEY")
                .put("stage", "PLANNED")
                .put("effectiveDate", effectiveDate.toString());
        return new CloudEvent(UUID.randomUUID(), "/citykpi/projects", "citykpi.projects.project-registered.v1",
                OffsetDateTime.now(ZoneOffset.UTC), projectId.toString(), orgUnit, data);
    }

    /** The next event of the same project, as the projects service would publish it. */
    public static CloudEvent stageChanged(CloudEvent registered, String toStage, LocalDate effectiveDate) {
        ObjectNode data = MAPPER.createObjectNode()
                .put("projectId", registered.subject())
                .put("code", registered.data().get("code").asText())
                .put("orgUnit", registered.orgUnit())
                .put("fromStage", registered.data().get("stage").asText())
                .put("toStage", toStage)
                .put("effectiveDate", effectiveDate.toString());
        return new CloudEvent(UUID.randomUUID(), "/citykpi/projects", "citykpi.projects.project-stage-changed.v1",
                OffsetDateTime.now(ZoneOffset.UTC), registered.subject(), registered.orgUnit(), data);
    }

    public static CloudEvent movedTo(CloudEvent registered, String orgUnit) {
        ObjectNode data = MAPPER.createObjectNode()
                .put("projectId", registered.subject())
                .put("code", registered.data().get("code").asText())
                .put("orgUnit", orgUnit)
                .put("sizeClass", "KEY")
                .put("effectiveDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        ObjectNode change = data.putObject("changes").putObject("orgUnit");
        change.put("from", registered.orgUnit());
        change.put("to", orgUnit);
        return new CloudEvent(UUID.randomUUID(), "/citykpi/projects", "citykpi.projects.project-updated.v1",
                OffsetDateTime.now(ZoneOffset.UTC), registered.subject(), orgUnit, data);
    }

    public void send(CloudEvent event) {
        try {
            producer.send(CloudEventKafkaBinding.toRecord(Topics.PROJECTS, event, MAPPER.writeValueAsBytes(event.data())))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PROJECTS, key, value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The KPI value the gateway serves now. */
    public static int registered(int year, String orgUnit) {
        return given().queryParam("year", year).queryParam("orgUnit", orgUnit)
                .when().get("/api/v1/kpis")
                .then().statusCode(200)
                .extract().path("kpis.find { it.id == 'projects.registered' }.value");
    }

    /** Waits until the served value equals {@code expected}; returns the last value seen. */
    public static int awaitRegistered(int year, String orgUnit, int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int value = registered(year, orgUnit);
        while (value != expected && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = registered(year, orgUnit);
        }
        return value;
    }

    @Override
    public void close() {
        producer.close();
    }
}
