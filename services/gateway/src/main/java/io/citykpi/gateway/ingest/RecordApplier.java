package io.citykpi.gateway.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.gateway.facts.FactCache;
import io.citykpi.gateway.facts.FactRecorder;
import io.citykpi.gateway.facts.ProjectionGenerations;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.event.InvalidCloudEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Applies consumed records exactly once to the projections: per batch, one transaction holds the
 * projection changes, the ids of the applied events and the next offsets. A record that cannot be
 * read or applied goes to the dead-letter topic and consumption goes on; an unreachable database
 * is not the record's fault, so it propagates and the batch is retried.
 */
@ApplicationScoped
public class RecordApplier {

    static final String CE_ID = "ce_id";

    private static final Logger LOG = Logger.getLogger(RecordApplier.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ConsumerPositions positions;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Clock clock;
    private final FactRecorder facts;
    private final ProjectionGenerations generations;
    private final IngestStatus status;
    private final FactCache factCache;
    private Timer latency;

    public RecordApplier(EntityManager em, ObjectMapper mapper, ConsumerPositions positions, DeadLetters deadLetters,
                         MeterRegistry registry, Clock clock, FactRecorder facts, ProjectionGenerations generations,
                         IngestStatus status, FactCache factCache) {
        this.em = em;
        this.mapper = mapper;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.clock = clock;
        this.facts = facts;
        this.generations = generations;
        this.status = status;
        this.factCache = factCache;
    }

    @PostConstruct
    void registerMetrics() {
        latency = Timer.builder("citykpi.gateway.event.latency")
                .description("From when a service recorded an event (ce_time) to when the gateway applied it to the KPIs")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** Applies a batch to one generation of the projection (the active one, or the one being rebuilt). */
    public void apply(List<ConsumerRecord<String, byte[]>> batch, int generation) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                batch.forEach(record -> applyOne(record, generation));
                positions.advance(generation, nextOffsets(batch));
                generations.countApplied(generation, batch.size());
            });
        } catch (RuntimeException failure) {
            if (isTransient(failure)) {
                throw failure;
            }
            // Something in the batch cannot be applied: find it by applying one record at a time.
            for (ConsumerRecord<String, byte[]> record : batch) {
                applyIsolated(record, generation);
            }
        }
        factCache.applied();
        status.applied(clock.instant());
    }

    private void applyIsolated(ConsumerRecord<String, byte[]> record, int generation) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                applyOne(record, generation);
                positions.advance(generation, nextOffsets(List.of(record)));
                generations.countApplied(generation, 1);
            });
        } catch (RuntimeException failure) {
            if (isTransient(failure)) {
                throw failure;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                // A rebuild meets the same bad record again: it is already on the dead-letter topic.
                if (generation == generations.active()) {
                    deadLetters.park(record, "could not apply: " + describe(failure));
                }
                positions.advance(generation, nextOffsets(List.of(record)));
            });
        }
    }

    private void applyOne(ConsumerRecord<String, byte[]> record, int generation) {
        try {
            applyOneLogged(record, generation);
        } finally {
            MDC.remove(CE_ID);
        }
    }

    private void applyOneLogged(ConsumerRecord<String, byte[]> record, int generation) {
        CloudEvent event;
        try {
            event = CloudEventKafkaBinding.fromRecord(record, mapper);
        } catch (InvalidCloudEventException e) {
            if (generation == generations.active()) {
                deadLetters.park(record, e.getMessage());
            }
            return;
        }
        MDC.put(CE_ID, event.id().toString());
        int firstTime = em.createNativeQuery("""
                        insert into processed_event (generation, event_id, event_type, topic, partition_no,
                                                     record_offset, applied_at)
                        values (:generation, :id, :type, :topic, :partition, :offset, :now)
                        on conflict (generation, event_id) do nothing""")
                .setParameter("generation", generation)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
        if (firstTime == 0) {
            registry.counter("citykpi.gateway.events.duplicates", "topic", record.topic()).increment();
            LOG.debugf("Skipped event %s (%s): already applied", event.id(), event.type());
            return;
        }
        if (!facts.record(generation, event)) {
            registry.counter("citykpi.gateway.events.ignored", "topic", record.topic()).increment();
            LOG.debugf("No KPI uses %s; event %s recorded as seen", event.type(), event.id());
            return;
        }
        registry.counter("citykpi.gateway.events.applied", "topic", record.topic(), "type", event.type()).increment();
        status.newest(event.source(), event.time().toInstant());
        latency.record(Duration.between(event.time().toInstant(), clock.instant()));
    }

    private static Map<TopicPartition, Long> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
