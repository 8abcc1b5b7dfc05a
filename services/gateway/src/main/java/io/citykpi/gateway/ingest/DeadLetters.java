package io.citykpi.gateway.ingest;

import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Parks a record the gateway cannot use, unchanged, with the reason: in the same transaction as the
 * position that moves past it, so it is parked exactly once however often its batch is retried; the
 * {@link DeadLetterRelay} then publishes it to the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq_reason";
    public static final String TOPIC = "dlq_topic";
    public static final String PARTITION = "dlq_partition";
    public static final String OFFSET = "dlq_offset";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final IngestConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong parkedSinceStart = new AtomicLong();

    public DeadLetters(DataSource dataSource, ObjectMapper mapper, IngestConfig config, MeterRegistry registry,
                       Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    /** Exported at 0 from the start (not at the first dead letter), so increase() and alerts see the first one. */
    void onStart(@Observes StartupEvent event) {
        config.topics().forEach(topic -> registry.counter("citykpi.gateway.dead.letters", "topic", topic));
        Gauge.builder("citykpi.gateway.dead.letters.since.start", parkedSinceStart, AtomicLong::get)
                .description("Records set aside by this replica since it started").register(registry);
    }

    /** In the caller's transaction; a record parked before (a retried batch) is not parked again. */
    public void park(List<EventReader.Unusable> records) {
        if (records.isEmpty()) {
            return;
        }
        String sql = """
                insert into dead_letter (topic, partition_no, record_offset, record_key, record_value, headers, reason,
                                         parked_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (topic, partition_no, record_offset) do nothing""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (EventReader.Unusable u : records) {
                ConsumerRecord<String, byte[]> r = u.record();
                ps.setString(1, r.topic());
                ps.setInt(2, r.partition());
                ps.setLong(3, r.offset());
                ps.setString(4, r.key());
                ps.setBytes(5, r.value());
                ps.setString(6, headers(r));
                ps.setString(7, truncate(u.reason()));
                ps.setObject(8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new io.citykpi.gateway.ledger.LedgerStorageException("could not park dead letters", e);
        }
    }

    /** After commit: counts and logs what was parked. */
    public void parked(List<EventReader.Unusable> records) {
        for (EventReader.Unusable u : records) {
            ConsumerRecord<String, byte[]> r = u.record();
            registry.counter("citykpi.gateway.dead.letters", "topic", r.topic()).increment();
            parkedSinceStart.incrementAndGet();
            String eventId = CloudEventKafkaBinding.text(r.headers(), CloudEventKafkaBinding.ID);
            if (eventId != null) {
                MDC.put(BatchApplier.CE_ID, eventId);
            }
            try {
                LOG.warnf("Set aside record %s-%d@%d for %s: %s", r.topic(), r.partition(), r.offset(),
                        config.deadLetterTopic(), u.reason());
            } finally {
                MDC.remove(BatchApplier.CE_ID);
            }
        }
    }

    /** Headers as JSON [[name, base64 value], ...]: kept byte for byte, in order. */
    private String headers(ConsumerRecord<String, byte[]> record) {
        List<List<String>> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(List.of(h.key(), h.value() == null ? "" : Base64.getEncoder().encodeToString(h.value())));
        }
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
