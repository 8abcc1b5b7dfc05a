package io.citykpi.shared.outbox;

import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.kafka.KafkaClients;
import io.citykpi.shared.persistence.DatabaseFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published. Purging old rows
 * ({@link OutboxPurge}), counting the backlog ({@link OutboxBacklog}) and creating the topic
 * ({@link OutboxTopic}) are jobs of their own.
 *
 * <p>Publishing keeps a thread of its own rather than a scheduled job: every commit wakes it
 * ({@link OutboxSignal}), so an event leaves within milliseconds instead of at the next tick, and while
 * Kafka is away it backs off on its own schedule.
 *
 * <p>One relay at a time per database publishes (a transaction-scoped advisory lock), so several
 * replicas never interleave and reorder one aggregate's events. A row is marked published only after
 * the broker acknowledged it (acks=all); if the mark is lost the row is sent again, and consumers
 * deduplicate on the CloudEvents id. While Kafka is unreachable the rows simply wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** pg advisory lock key shared by every replica of one service (each service has its own database). */
    private static final long PUBLISH_LOCK = 0x0C17_4B1_0001L;

    private final EntityManager em;
    private final KafkaClients clients;
    private final OutboxTopic topic;
    private final OutboxConfig config;
    private final OutboxSignal signal;
    /** Operational time (publication, retention, back-off), not the business clock tests may move. */
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry registry;
    private final KafkaReachability reachability;
    private final OutboxBacklog backlog;
    private Counter publishFailures;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(EntityManager em, KafkaClients clients, OutboxTopic topic, OutboxConfig config,
                       OutboxSignal signal, MeterRegistry registry, KafkaReachability reachability, OutboxBacklog backlog) {
        this.em = em;
        this.clients = clients;
        this.topic = topic;
        this.config = config;
        this.signal = signal;
        this.registry = registry;
        this.reachability = reachability;
        this.backlog = backlog;
    }

    /** The jobs that only make sense while this instance publishes (the purge) skip when it does not. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final OutboxConfig config;

        public Disabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }

    void onStart(@Observes StartupEvent event) {
        publishFailures = Counter.builder("citykpi.outbox.publish.failures")
                .description("Publish attempts that failed because Kafka did not acknowledge")
                .register(registry);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (citykpi.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Outbox relay started: publishing to topic %s at %s", topic.name(), clients.bootstrapServers());
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        signal.wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(5));
    }

    private void run() {
        int consecutiveFailures = 0;
        Instant outageStart = null;
        while (running) {
            try {
                topic.ensureProvisioned();
                BatchResult result = publishBatch();
                if (result.failure() != null) {
                    throw result.failure();
                }
                if (outageStart != null) {
                    LOG.infof("Kafka reachable again after %ds: publishing the events that waited in the outbox",
                            Duration.between(outageStart, clock.instant()).toSeconds());
                    outageStart = null;
                }
                consecutiveFailures = 0;
                if (result.published() > 0) {
                    reachability.reachable();
                }
                if (result.published() < config.batchSize()) {
                    signal.await(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                consecutiveFailures++;
                if (DatabaseFailures.classify(e) == DatabaseFailures.Kind.UNAVAILABLE) {
                    // Not Kafka's fault: the database check reports it; nothing can be read to publish.
                    if (consecutiveFailures == 1) {
                        LOG.warnf("Cannot read the outbox: PostgreSQL is unreachable (%s); publishing resumes "
                                + "when it is back", DatabaseFailures.rootMessage(e));
                    }
                    sleep(backoff(consecutiveFailures));
                    continue;
                }
                publishFailures.increment();
                reachability.unreachable(e.getMessage());
                backlog.refresh();
                if (outageStart == null) {
                    outageStart = clock.instant();
                    LOG.warnf("Cannot publish events to Kafka at %s (%s). %d events wait in the outbox; writes go on "
                                    + "and the events will be published when Kafka is back.",
                            clients.bootstrapServers(), rootMessage(e), backlog.pendingEvents());
                } else {
                    LOG.debugf("Kafka still unreachable (%s), %d events waiting", rootMessage(e), backlog.pendingEvents());
                }
                closeProducer(Duration.ZERO);
                sleep(backoff(consecutiveFailures));
            }
        }
    }

    /** One batch in one transaction: lock, read in id order, send, wait for acks, mark the acknowledged prefix. */
    BatchResult publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", PUBLISH_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new BatchResult(0, null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, event_id, topic, record_key, event_type, event_source, subject, org_unit,
                           recorded_at, payload, actor_name, actor_id
                    from outbox_event where published_at is null order by id limit :limit""")
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return new BatchResult(0, null);
            }
            KafkaProducer<String, byte[]> kafka = producer();
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            Exception failure = null;
            for (Object[] row : rows) {
                try {
                    sends.add(kafka.send(toRecord(row)));
                } catch (RuntimeException e) {
                    failure = e;
                    break;
                }
            }
            kafka.flush();
            List<Long> acknowledged = new ArrayList<>(sends.size());
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get();
                    acknowledged.add(((Number) rows.get(i)[0]).longValue());
                    registry.counter("citykpi.outbox.events.published", "type", (String) rows.get(i)[4]).increment();
                } catch (ExecutionException e) {
                    failure = (Exception) e.getCause();
                    break;
                }
            }
            if (!acknowledged.isEmpty()) {
                em.createNativeQuery("update outbox_event set published_at = :now where id in (:ids)")
                        .setParameter("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                        .setParameter("ids", acknowledged)
                        .executeUpdate();
            }
            return new BatchResult(acknowledged.size(), failure);
        });
    }

    private ProducerRecord<String, byte[]> toRecord(Object[] row) {
        String topic = (String) row[2];
        String key = (String) row[3];
        UUID id = (UUID) row[1];
        return new ProducerRecord<>(topic, null, key, ((String) row[9]).getBytes(StandardCharsets.UTF_8),
                CloudEventKafkaBinding.headers(id, (String) row[5], (String) row[4], OutboxRows.toUtc(row[8]),
                        (String) row[6], (String) row[7], (String) row[10], (String) row[11]));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.producer("citykpi-" + config.service() + "-outbox");
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("closing producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private Duration backoff(int failures) {
        long millis = Math.min(config.maxBackoff().toMillis(), 250L << Math.min(failures, 10));
        return Duration.ofMillis(millis);
    }

    private void sleep(Duration duration) {
        try {
            signal.await(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    record BatchResult(int published, Exception failure) {
    }
}
