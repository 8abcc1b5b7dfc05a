package io.citykpi.gateway.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.gateway.ledger.Generation;
import io.citykpi.gateway.ledger.Generations;
import io.citykpi.gateway.ledger.Ledger;
import io.citykpi.gateway.ledger.LedgerTables;
import io.citykpi.shared.kafka.KafkaClients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds the ledger into a new generation while the active one keeps following the live stream:
 * <ol>
 *   <li>LOADING: reads every topic from the beginning up to where it ended when loading began, storing
 *   the facts only (bulk, at close to the rate Kafka hands records out);</li>
 *   <li>LEDGER: builds every record's rows, all versions at once, from the stored facts;</li>
 *   <li>CATCHING_UP: applies what arrived since, like live ingest, until it stands where live ingest
 *   stands; then switches over in one transaction.</li>
 * </ol>
 * One replica at a time runs it (a PostgreSQL advisory lock held by its connection: if the replica dies,
 * another takes over and carries on from the phase and positions stored with the generation).
 */
@ApplicationScoped
public class RebuildWorker {

    private static final Logger LOG = Logger.getLogger(RebuildWorker.class);
    private static final long LOCK = 0x0C17_4B1_0002L;
    private static final Duration LEDGER_PHASE_TIMEOUT = Duration.ofHours(6);

    private final Generations generations;
    private final BatchApplier applier;
    private final ConsumerPositions positions;
    private final Ledger ledger;
    private final KafkaClients clients;
    private final IngestConfig config;
    private final IngestStatus status;
    private final LiveIngest live;
    private final DataSource dataSource;
    private final EntityManager em;
    private final ObjectMapper mapper;

    private volatile Thread worker;
    private volatile boolean running = true;
    private int interruptions;

    public RebuildWorker(Generations generations, BatchApplier applier, ConsumerPositions positions, Ledger ledger,
                         KafkaClients clients, IngestConfig config, IngestStatus status, LiveIngest live,
                         DataSource dataSource, EntityManager em, ObjectMapper mapper) {
        this.generations = generations;
        this.applier = applier;
        this.positions = positions;
        this.ledger = ledger;
        this.clients = clients;
        this.config = config;
        this.status = status;
        this.live = live;
        this.dataSource = dataSource;
        this.em = em;
        this.mapper = mapper;
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Looks for a requested rebuild and starts it here unless another replica runs it. */
    @Scheduled(every = "${citykpi.ingest.rebuild-check-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = IngestDisabled.class)
    void lookForRebuild() {
        if (worker != null || !running) {
            return;
        }
        Optional<Generation> building = generations.building();
        if (building.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> runLocked(building.get().generation()), "ledger-rebuild");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /** Drops the tables of generations retired a while ago (queries that were reading them have finished). */
    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = IngestDisabled.class)
    void dropRetired() {
        generations.dropRetired(OffsetDateTime.now().minus(config.retiredGrace()));
    }

    private void runLocked(int generation) {
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                return;
            }
            try {
                rebuild(generation);
                interruptions = 0;
            } finally {
                unlock(lock);
            }
        } catch (SQLException | RuntimeException e) {
            if (running && interruptions++ == 0) {
                LOG.warnf(e, "Rebuild of ledger generation %d interrupted (%s); it resumes where it stopped",
                        generation, BatchApplier.describe(e));
            } else if (running) {
                LOG.debugf("Rebuild of ledger generation %d interrupted again: %s", generation, BatchApplier.describe(e));
            }
        } finally {
            status.rebuild(null);
            worker = null;
        }
    }

    private void rebuild(int generation) {
        long started = System.nanoTime();
        LedgerTables tables = new LedgerTables(generation);
        String phase = generations.find(generation).map(Generation::phase).orElse(null);
        if (phase == null) {
            return;
        }
        if ("LOADING".equals(phase)) {
            Map<TopicPartition, Long> target = loadTarget(generation);
            LOG.infof("Rebuild of generation %d: loading %d events from %s", generation,
                    target.values().stream().mapToLong(Long::longValue).sum(), config.topics());
            consume(generation, BatchApplier.Mode.LOAD, target);
            generations.phase(generation, "LEDGER");
            phase = "LEDGER";
        }
        if ("LEDGER".equals(phase)) {
            status.rebuild(new IngestStatus.Rebuild(generation, "LEDGER", 0));
            long begun = System.nanoTime();
            long records = QuarkusTransaction.requiringNew().timeout((int) LEDGER_PHASE_TIMEOUT.toSeconds()).call(() -> {
                em.createNativeQuery("truncate " + tables.rows() + ", " + tables.totals()).executeUpdate();
                long built = ledger.buildFromFacts(tables);
                em.createNativeQuery("update projection_generation set phase = 'CATCHING_UP' where generation = :g")
                        .setParameter("g", generation).executeUpdate();
                return built;
            });
            LOG.infof("Rebuild of generation %d: ledger of %d records built from its facts in %d s", generation, records,
                    Duration.ofNanos(System.nanoTime() - begun).toSeconds());
            phase = "CATCHING_UP";
        }
        if ("CATCHING_UP".equals(phase)) {
            consume(generation, BatchApplier.Mode.CATCH_UP, null);
            LOG.infof("Rebuild of generation %d caught up in %d s; KPIs are now served from it and the old "
                    + "generation's tables are dropped in %s", generation,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), config.retiredGrace());
            status.generation(generation);
            live.generationChanged();
        }
    }

    /**
     * Reads the topics into the generation. Loading stops at the target offsets; catching up stops when
     * the generation stands where the active one stands, and switches over.
     */
    private void consume(int generation, BatchApplier.Mode mode, Map<TopicPartition, Long> target) {
        Map<String, Object> settings = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                mode == BatchApplier.Mode.LOAD ? config.rebuildBatch() : config.maxBatch(),
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, mode == BatchApplier.Mode.LOAD ? 1 << 16 : 1,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        try (KafkaConsumer<String, byte[]> kafka = clients.consumer("citykpi-gateway-rebuild", null, settings)) {
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            Map<TopicPartition, Long> stored = positions.all(generation);
            for (TopicPartition p : partitions) {
                if (stored.containsKey(p)) {
                    kafka.seek(p, stored.get(p));
                } else {
                    kafka.seekToBeginning(List.of(p));
                }
            }
            long applied = 0;
            while (running) {
                if (target != null && reached(kafka, target)) {
                    return;
                }
                ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) {
                    Long limit = target == null ? null : target.get(new TopicPartition(r.topic(), r.partition()));
                    if (limit == null || r.offset() < limit) {
                        batch.add(r);
                    }
                }
                if (!batch.isEmpty()) {
                    applier.apply(batch, generation, mode);
                    applied += batch.size();
                    status.rebuild(new IngestStatus.Rebuild(generation, mode == BatchApplier.Mode.LOAD ? "LOADING"
                            : "CATCHING_UP", applied));
                }
                if (mode == BatchApplier.Mode.CATCH_UP && records.isEmpty() && switchOverIfCaughtUp(generation)) {
                    return;
                }
            }
            throw new IllegalStateException("stopped");
        }
    }

    private boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            if (kafka.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * In one transaction that holds live ingest back (it waits on the active generation's row): if the new
     * generation has applied everything the active one has, it becomes the active one.
     */
    private boolean switchOverIfCaughtUp(int generation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select 1 from projection_generation where state = 'ACTIVE' for update").getResultList();
            int active = ((Number) em.createNativeQuery(
                    "select generation from projection_generation where state = 'ACTIVE'").getSingleResult()).intValue();
            Map<TopicPartition, Long> mine = stored(generation);
            for (Map.Entry<TopicPartition, Long> e : stored(active).entrySet()) {
                if (mine.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                    return false;
                }
            }
            return generations.activate(generation);
        });
    }

    private Map<TopicPartition, Long> stored(int generation) {
        Map<TopicPartition, Long> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select topic, partition_no, next_offset from consumer_position where generation = :g")
                .setParameter("g", generation).getResultList();
        rows.forEach(r -> out.put(new TopicPartition((String) r[0], ((Number) r[1]).intValue()),
                ((Number) r[2]).longValue()));
        return out;
    }

    /** The end offsets loading reads up to: fixed the first time, so a resumed rebuild aims at the same place. */
    private Map<TopicPartition, Long> loadTarget(int generation) {
        Optional<String> stored = generations.loadedTo(generation);
        try {
            if (stored.isPresent()) {
                Map<String, Long> byName = mapper.readValue(stored.get(), new TypeReference<>() {
                });
                Map<TopicPartition, Long> target = new HashMap<>();
                byName.forEach((name, offset) -> {
                    int slash = name.lastIndexOf('/');
                    target.put(new TopicPartition(name.substring(0, slash), Integer.parseInt(name.substring(slash + 1))),
                            offset);
                });
                return target;
            }
            try (KafkaConsumer<String, byte[]> kafka = clients.consumer("citykpi-gateway-rebuild", null, Map.of())) {
                Map<TopicPartition, Long> ends = kafka.endOffsets(partitions(kafka));
                Map<String, Long> byName = new HashMap<>();
                ends.forEach((p, offset) -> byName.put(p.topic() + "/" + p.partition(), offset));
                generations.loadTo(generation, mapper.writeValueAsString(byName));
                return ends;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : config.topics()) {
            kafka.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK);
            ps.executeQuery().close();
        }
    }
}
