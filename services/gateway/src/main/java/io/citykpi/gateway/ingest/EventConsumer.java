package io.citykpi.gateway.ingest;

import io.citykpi.gateway.facts.ProjectionGenerations;
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
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consumes every domain topic on its own thread. Where to read from is decided by the positions
 * stored in the gateway's database, never by Kafka's committed offsets (those are committed too,
 * but only so that standard tools can show the lag).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final IngestConfig config;
    private final ConsumerPositions positions;
    private final RecordApplier applier;
    private final IngestStatus status;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ProjectionGenerations generations;

    private volatile boolean running;
    /** The generation being written; a rebuild moves it on and the consumer re-seeks. */
    private int generation;
    private Map<TopicPartition, Long> rebuildTarget;
    private long rebuildStartedNanos;
    private long lastGenerationCheck;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public EventConsumer(KafkaClients clients, TopicProvisioner provisioner, IngestConfig config,
                         ConsumerPositions positions, RecordApplier applier, IngestStatus status, Clock clock,
                         MeterRegistry registry, ProjectionGenerations generations) {
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
        thread = new Thread(this::run, "event-consumer");
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

    private void run() {
        provisionTopics();
        if (!running) {
            return;
        }
        try (KafkaConsumer<String, byte[]> kafka = clients.consumer("citykpi-gateway", config.groupId());
             KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
            // Consumer lag per partition and the client's own figures, as kafka_consumer_* series.
            kafkaMetrics.bindTo(registry);
            consumer = kafka;
            generation = -1;
            lastGenerationCheck = 0;
            kafka.subscribe(config.topics(), new SeekToStoredPositions(kafka));
            LOG.infof("Consuming %s from %s as group %s", config.topics(), clients.bootstrapServers(), config.groupId());
            boolean rewind = false;
            int failures = 0;
            while (running) {
                try {
                    if (rewind || generationChanged()) {
                        seekToStored(kafka, kafka.assignment());
                        rewind = false;
                    }
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        applier.apply(batch, generation);
                        kafka.commitAsync();
                    }
                    if (rebuildTarget != null) {
                        switchOverWhenCaughtUp(kafka);
                    }
                    if (failures > 0) {
                        LOG.infof("Applying events again after %d failed attempts", failures);
                        failures = 0;
                    }
                } catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    failures++;
                    rewind = true;
                    status.failing(e.getMessage(), clock.instant());
                    if (failures == 1) {
                        LOG.warnf("Could not apply events (%s); will retry from the last stored position", e.getMessage());
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

    /** Looks (at most once a second) whether a rebuild was requested, by this replica or another. */
    private boolean generationChanged() {
        long now = System.nanoTime();
        if (now - lastGenerationCheck < 1_000_000_000L && lastGenerationCheck != 0) {
            return false;
        }
        lastGenerationCheck = now;
        int writing = generations.writing();
        if (writing == generation) {
            return false;
        }
        generation = writing;
        rebuildTarget = null;
        status.generation(generation, generation != generations.active());
        if (status.rebuilding()) {
            rebuildTarget = endOffsets();
            rebuildStartedNanos = now;
            LOG.infof("Rebuilding generation %d: replaying %s from the beginning (%d events to reach)", generation,
                    config.topics(), rebuildTarget.values().stream().mapToLong(Long::longValue).sum());
        } else {
            LOG.infof("Generation %d is active; applying new events to it", generation);
        }
        return true;
    }

    /** The rebuild has caught up once every partition is read up to where the topics ended when it began. */
    private void switchOverWhenCaughtUp(KafkaConsumer<String, byte[]> kafka) {
        Map<TopicPartition, Long> stored = positions.load(generation, rebuildTarget.keySet());
        boolean caughtUp = rebuildTarget.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
        if (!caughtUp) {
            return;
        }
        // Said before the switch, so that nobody who sees the new generation active still reads REBUILDING.
        status.generation(generation, false);
        if (generations.activate(generation)) {
            LOG.infof("Rebuild of generation %d caught up in %d s; KPIs are now served from it and the old generation "
                    + "is deleted", generation, (System.nanoTime() - rebuildStartedNanos) / 1_000_000_000L);
        }
        rebuildTarget = null;
    }

    private Map<TopicPartition, Long> endOffsets() {
        KafkaConsumer<String, byte[]> kafka = consumer;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : config.topics()) {
            kafka.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return kafka.endOffsets(partitions);
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
            LOG.infof("Assigned %d partitions; resuming from the positions stored with the KPIs", partitions.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            status.assigned(Set.of());
        }
    }
}
