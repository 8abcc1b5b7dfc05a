package io.citykpi.shared.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_*}
 * headers, the payload is the record value, and the record key is the subject (aggregate id).
 */
public final class CloudEventKafkaBinding {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: CloudEvents names are lower-case letters and digits only. */
    public static final String ORG_UNIT = "ce_orgunit";
    /** Extension attribute: the user name (or service-account client id) that made the change. */
    public static final String ACTOR = "ce_actor";
    /** Extension attribute: the token subject of that user. */
    public static final String ACTOR_ID = "ce_actorid";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventKafkaBinding() {
    }

    public static Headers headers(CloudEvent event) {
        return headers(event.id(), event.source(), event.type(), event.time(), event.subject(), event.orgUnit(),
                event.actor(), event.actorId());
    }

    public static Headers headers(UUID id, String source, String type, OffsetDateTime time, String subject,
                                  String orgUnit) {
        return headers(id, source, type, time, subject, orgUnit, null, null);
    }

    public static Headers headers(UUID id, String source, String type, OffsetDateTime time, String subject,
                                  String orgUnit, String actor, String actorId) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, id.toString());
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        if (subject != null) {
            put(headers, SUBJECT, subject);
        }
        if (orgUnit != null) {
            put(headers, ORG_UNIT, orgUnit);
        }
        if (actor != null) {
            put(headers, ACTOR, actor);
        }
        if (actorId != null) {
            put(headers, ACTOR_ID, actorId);
        }
        put(headers, CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        return headers;
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event, byte[] payload) {
        return new ProducerRecord<>(topic, null, event.subject(), payload, headers(event));
    }

    /**
     * Reads a record written by {@link #toRecord}. Anything that is not a well-formed binary-mode
     * CloudEvent with a JSON object payload is rejected with the reason, for the dead-letter topic.
     */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record, ObjectMapper mapper) {
        Headers headers = record.headers();
        String specVersion = required(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidCloudEventException("unsupported ce_specversion '" + specVersion + "'");
        }
        String contentType = text(headers, CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEvent.CONTENT_TYPE)) {
            throw new InvalidCloudEventException("unsupported content-type '" + contentType + "'");
        }
        UUID id;
        try {
            id = UUID.fromString(required(headers, ID));
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("ce_id is not a UUID");
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(required(headers, TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException("ce_time is not an RFC 3339 timestamp");
        }
        if (record.value() == null) {
            throw new InvalidCloudEventException("record has no payload");
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidCloudEventException("payload is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidCloudEventException("payload cannot be read: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new InvalidCloudEventException("payload is not a JSON object");
        }
        return new CloudEvent(id, required(headers, SOURCE), required(headers, TYPE), time,
                text(headers, SUBJECT), text(headers, ORG_UNIT), text(headers, ACTOR), text(headers, ACTOR_ID), data);
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException("missing header " + name);
        }
        return value;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
