package io.citykpi.gateway.ingest;

import io.citykpi.gateway.ledger.Generations;
import io.citykpi.shared.kafka.KafkaClients;
import io.citykpi.shared.kafka.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows every domain topic on its own thread and applies what arrives to the active ledger
 * generation, also while a rebuild runs. Where to read from is decided by the positions stored with
 * the ledger, never by Kafka's committed offsets (those are committed too, but only so that standard
 * tools can show the lag). Replicas share the consumer group and so split the partitions.
 */
@ApplicationScoped
public class LiveIngest {

    private static final Logger LOG = Logger.getLogger(LiveIngest.class);
    private static final long GENERATION_CHECK_NANOS = 1_000_000_000L;

    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final IngestConfig config;
    private final ConsumerPositions positions;
    private final BatchApplier applier;
    private final IngestStatus status;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Generations generations;

    private volatile boolean running;
    private volatile boolean reseek;
    private int generation;
    private long lastGenerationCheck;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public LiveIngest(KafkaClients clients, TopicProvisioner provisioner, IngestConfig config,
                      ConsumerPositions positions, BatchApplier applier, IngestStatus status, Clock clock,
                      MeterRegistry registry, Generations generations) {
        this.clients = clients;
        this.provisioner = provisioner;
        this.config = config;
        this.positions = positions;
        this.applier = applier;
        this.status = status;
        this.clock = clock;
        this.registry = registry;
        this.generations = generations;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Event ingest disabled (citykpi.ingest.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "live-ingest");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A switch-over happened (here): follow the new active generation from its stored positions. */
    public void generationChanged() {
        reseek = true;
    }

    private void run() {
        status.consuming(true);
        try {
            provisionTopics();
            if (running) {
                consume();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Event ingest stopped unexpectedly; KPIs no longer advance on this replica");
            status.failing("ingest stopped: " + e.getMessage(), clock.instant());
        } finally {
            status.consuming(false);
        }
    }

    private void consume() {
        try (KafkaConsumer<String, byte[]> kafka = clients.consumer("citykpi-gateway", config.groupId(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch()));
             KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
            // Consumer lag per partition and the client's own figures, as kafka_consumer_* series.
            kafkaMetrics.bindTo(registry);
            consumer = kafka;
            generation = generations.active();
            status.generation(generation);
            kafka.subscribe(config.topics(), new SeekToStoredPositions(kafka));
            LOG.infof("Consuming %s from %s as group %s into ledger generation %d", config.topics(),
                    clients.bootstrapServers(), config.groupId(), generation);
            int failures = 0;
            while (running) {
                try {
                    if (reseek || activeGenerationChanged()) {
                        generation = generations.active();
                        status.generation(generation);
                        seekToStored(kafka, kafka.assignment());
                        reseek = false;
                    }
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        applier.apply(batch, generation, BatchApplier.Mode.LIVE);
                        kafka.commitAsync();
                    } else {
                        status.progress(clock.instant());
                    }
                    status.lag(lag(kafka));
                    if (failures > 0) {
                        LOG.infof("Applying events again after %d failed attempts", failures);
                        failures = 0;
                    }
                } catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (BatchApplier.GenerationMoved e) {
                    LOG.infof("Ledger generation %d was switched over; following the new active generation", generation);
                    reseek = true;
                } catch (RuntimeException e) {
                    failures++;
                    reseek = true;
                    String what = BatchApplier.isDatabase(e) ? "PostgreSQL unreachable" : "Kafka or the ledger failed";
                    status.failing(what + ": " + BatchApplier.describe(e), clock.instant());
                    if (failures == 1) {
                        LOG.warnf("Could not apply events (%s: %s); will retry from the last stored position", what,
                                BatchApplier.describe(e));
                    } else {
                        LOG.debugf(e, "apply attempt %d failed", failures);
                    }
                    sleep(backoff(failures));
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** Looks (at most once a second) whether another replica switched the active generation over. */
    private boolean activeGenerationChanged() {
        long now = System.nanoTime();
        if (now - lastGenerationCheck < GENERATION_CHECK_NANOS) {
            return false;
        }
        lastGenerationCheck = now;
        return generations.active() != generation;
    }

    /** Events on the assigned partitions not applied yet (-1 while the consumer does not know). */
    private static long lag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong lag = kafka.currentLag(partition);
            if (lag.isEmpty()) {
                return -1;
            }
            total += lag.getAsLong();
        }
        return total;
    }

    private void provisionTopics() {
        int failures = 0;
        while (running) {
            try {
                provisioner.ensureTopics(config.topics());
                provisioner.ensureTopics(List.of(config.deadLetterTopic()), config.deadLetterRetention());
                return;
            } catch (RuntimeException e) {
                failures++;
                status.failing("Kafka unreachable: " + e.getMessage(), clock.instant());
                if (failures == 1) {
                    LOG.warnf("Kafka at %s is not reachable yet (%s); KPIs are served from what was already applied",
                            clients.bootstrapServers(), e.getMessage());
                }
                sleep(backoff(failures));
            }
        }
    }

    private void seekToStored(KafkaConsumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = positions.load(generation, partitions);
        Set<TopicPartition> fresh = new HashSet<>(partitions);
        stored.forEach((partition, offset) -> {
            kafka.seek(partition, offset);
            fresh.remove(partition);
        });
        if (!fresh.isEmpty()) {
            kafka.seekToBeginning(fresh);
        }
    }

    private Duration backoff(int failures) {
        return Duration.ofMillis(Math.min(config.maxBackoff().toMillis(), 200L << Math.min(failures, 10)));
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** After every rebalance, continue exactly where the database says, not where Kafka says. */
    private final class SeekToStoredPositions implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        private SeekToStoredPositions(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekToStored(kafka, partitions);
            status.assigned(kafka.assignment());
            LOG.infof("Assigned %d partitions; resuming from the positions stored with the ledger", partitions.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            status.assigned(Set.of());
        }
    }
}
