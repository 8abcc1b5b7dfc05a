package io.citykpi.gateway.ingest;

import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Parks a record the gateway cannot use, unchanged, with the reason, so consumption goes on. */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq_reason";
    public static final String TOPIC = "dlq_topic";
    public static final String PARTITION = "dlq_partition";
    public static final String OFFSET = "dlq_offset";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients clients;
    private final IngestConfig config;
    private final MeterRegistry registry;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetters(KafkaClients clients, IngestConfig config, MeterRegistry registry) {
        this.clients = clients;
        this.config = config;
        this.registry = registry;
    }

    /** Exported at 0 from the start (not at the first dead letter), so increase() and alerts see the first one. */
    void onStart(@Observes StartupEvent event) {
        config.topics().forEach(topic -> registry.counter("citykpi.gateway.dead.letters", "topic", topic));
    }

    /** Synchronous: the caller advances its position only after the broker has the dead letter. */
    public synchronized void park(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(config.deadLetterTopic(), null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add(PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add(OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write dead letter: " + e.getMessage(), e);
        }
        registry.counter("citykpi.gateway.dead.letters", "topic", record.topic()).increment();
        String eventId = CloudEventKafkaBinding.text(record.headers(), CloudEventKafkaBinding.ID);
        if (eventId != null) {
            MDC.put(RecordApplier.CE_ID, eventId);
        }
        try {
            LOG.warnf("Set aside record %s-%d@%d on %s: %s", record.topic(), record.partition(), record.offset(),
                    config.deadLetterTopic(), reason);
        } finally {
            MDC.remove(RecordApplier.CE_ID);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.producer("citykpi-gateway-dead-letters");
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
