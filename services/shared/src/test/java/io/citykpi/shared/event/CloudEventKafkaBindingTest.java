package io.citykpi.shared.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventKafkaBindingTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void roundTripsEveryAttributeThroughBinaryModeHeaders() throws Exception {
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "/citykpi/projects",
                "citykpi.projects.project-registered.v1", OffsetDateTime.parse("2025-02-10T01:30:00.123Z"),
                "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11", "220402", "clerk-220402", "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
                mapper.readTree("{\"effectiveDate\":\"2025-02-10\",\"totalInvestment\":32000.00}"));
        ProducerRecord<String, byte[]> sent = CloudEventKafkaBinding.toRecord("citykpi.projects.v1", event,
                mapper.writeValueAsBytes(event.data()));
        assertEquals("clerk-220402", CloudEventKafkaBinding.text(sent.headers(), "ce_actor"));
        assertEquals("3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", CloudEventKafkaBinding.text(sent.headers(), "ce_actorid"));

        assertEquals(event.subject(), sent.key(), "record key = subject = aggregate id");
        assertEquals("1.0", CloudEventKafkaBinding.text(sent.headers(), "ce_specversion"));
        assertEquals("application/json", CloudEventKafkaBinding.text(sent.headers(), "content-type"));

        CloudEvent received = CloudEventKafkaBinding.fromRecord(received(sent), mapper);
        assertEquals(event, received);
    }

    @Test
    void readsAnOlderEventThatDoesNotSayWhoMadeTheChange() {
        CloudEvent received = CloudEventKafkaBinding.fromRecord(received(valid("{}")), mapper);
        assertNull(received.actor());
        assertNull(received.actorId());
    }

    @Test
    void rejectsARecordWithoutHeaders() {
        var record = new ConsumerRecord<String, byte[]>("t", 0, 0, "k", "{}".getBytes(StandardCharsets.UTF_8));
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> CloudEventKafkaBinding.fromRecord(record, mapper));
        assertEquals("missing header ce_specversion", e.getMessage());
    }

    @Test
    void rejectsAPayloadThatIsNotAJsonObject() throws Exception {
        assertEquals("payload is not a JSON object", reason("[1,2]"));
        assertEquals("payload is not valid JSON", reason("{\"a\":").replaceFirst(":.*", ""));
    }

    @Test
    void rejectsAnIdThatIsNotAUuidAndATimeThatIsNotRfc3339() {
        ProducerRecord<String, byte[]> sent = valid("{}");
        sent.headers().remove("ce_id");
        sent.headers().add("ce_id", "42".getBytes(StandardCharsets.UTF_8));
        assertEquals("ce_id is not a UUID", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventKafkaBinding.fromRecord(received(sent), mapper)).getMessage());

        ProducerRecord<String, byte[]> late = valid("{}");
        late.headers().remove("ce_time");
        late.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertEquals("ce_time is not an RFC 3339 timestamp", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventKafkaBinding.fromRecord(received(late), mapper)).getMessage());
    }

    private String reason(String payload) {
        return assertThrows(InvalidCloudEventException.class,
                () -> CloudEventKafkaBinding.fromRecord(received(valid(payload)), mapper)).getMessage();
    }

    private ProducerRecord<String, byte[]> valid(String payload) {
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "/citykpi/projects", "citykpi.projects.x.v1",
                OffsetDateTime.now(), "s", "220400", mapper.createObjectNode());
        return CloudEventKafkaBinding.toRecord("t", event, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
