package io.citykpi.gateway.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes parked records to the dead-letter topic, oldest first, and marks them published. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so replicas never send one twice; while Kafka is unreachable
 * they wait in the table (the pending count is a gauge and part of readiness).
 */
@ApplicationScoped
public class DeadLetterRelay {

    private static final Logger LOG = Logger.getLogger(DeadLetterRelay.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final KafkaClients clients;
    private final IngestConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean failing;

    public DeadLetterRelay(EntityManager em, KafkaClients clients, IngestConfig config, ObjectMapper mapper,
                           MeterRegistry registry) {
        this.em = em;
        this.clients = clients;
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("citykpi.gateway.dead.letters.pending", pending, AtomicLong::get)
                .description("Records set aside but not yet published to the dead-letter topic").register(registry);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public long pending() {
        return pending.get();
    }

    @Scheduled(every = "${citykpi.ingest.dead-letter-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = IngestDisabled.class)
    void publish() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == BATCH);
            pending.set(((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select count(*) from dead_letter where published_at is null").getSingleResult())).longValue());
            if (failing) {
                LOG.info("Dead letters are being published again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Could not publish dead letters (%s); they wait in the dead_letter table", e.getMessage());
                failing = true;
            }
        }
    }

    private int publishBatch() throws Exception {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, topic, partition_no, record_offset, record_key, record_value, cast(headers as text), reason
                        from dead_letter where published_at is null order by id limit :n for update skip locked""")
                .setParameter("n", BATCH).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<?>> sends = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Object[] row : rows) {
            ProducerRecord<String, byte[]> letter = new ProducerRecord<>(config.deadLetterTopic(), null,
                    (String) row[4], (byte[]) row[5]);
            List<List<String>> headers = mapper.readValue((String) row[6], new TypeReference<>() {
            });
            for (List<String> h : headers) {
                letter.headers().add(h.get(0), Base64.getDecoder().decode(h.get(1)));
            }
            letter.headers().add(DeadLetters.REASON, utf8((String) row[7]));
            letter.headers().add(DeadLetters.TOPIC, utf8((String) row[1]));
            letter.headers().add(DeadLetters.PARTITION, utf8(String.valueOf(row[2])));
            letter.headers().add(DeadLetters.OFFSET, utf8(String.valueOf(row[3])));
            sends.add(producer().send(letter));
            ids.add(((Number) row[0]).longValue());
        }
        for (Future<?> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        em.createNativeQuery("update dead_letter set published_at = :now where id in (:ids)")
                .setParameter("now", OffsetDateTime.now()).setParameter("ids", ids).executeUpdate();
        return rows.size();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.producer("citykpi-gateway-dead-letters");
        }
        return producer;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Retention of published dead letters in the table: as long as on the topic. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = IngestDisabled.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from dead_letter where published_at < :before")
                .setParameter("before", OffsetDateTime.now().minus(config.deadLetterRetention())).executeUpdate());
    }
}
