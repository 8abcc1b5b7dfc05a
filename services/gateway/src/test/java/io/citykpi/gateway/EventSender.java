package io.citykpi.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.event.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the domain services' outbox relays: puts CloudEvents on their topics exactly as the relays do. */
public final class EventSender implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;

    public EventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", "true"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The record the service owning the event would publish: its topic, key and CloudEvents headers. */
    public static ProducerRecord<String, byte[]> record(CloudEvent event) {
        String topic = switch (event.source()) {
            case "/citykpi/projects" -> Topics.PROJECTS;
            case "/citykpi/investment" -> Topics.INVESTMENT;
            case "/citykpi/livelihood" -> Topics.LIVELIHOOD;
            case "/citykpi/safety-inspection" -> Topics.SAFETY_INSPECTION;
            default -> throw new IllegalArgumentException("no topic for source " + event.source());
        };
        try {
            return CloudEventKafkaBinding.toRecord(topic, event, MAPPER.writeValueAsBytes(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(CloudEvent event) {
        send(List.of(event));
    }

    /** Sends in order and returns once the broker acknowledged every event. */
    public void send(List<CloudEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        events.forEach(event -> acks.add(producer.send(record(event))));
        acks.forEach(EventSender::await);
    }

    /** A record without CloudEvents headers on the projects topic, as a misconfigured producer would send. */
    public void sendRaw(String key, String value) {
        await(producer.send(new ProducerRecord<>(Topics.PROJECTS, key, value.getBytes(StandardCharsets.UTF_8))));
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
