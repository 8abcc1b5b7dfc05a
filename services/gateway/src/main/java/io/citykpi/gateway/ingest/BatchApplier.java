package io.citykpi.gateway.ingest;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.ledger.FactStore;
import io.citykpi.gateway.ledger.Generations;
import io.citykpi.gateway.ledger.Ledger;
import io.citykpi.gateway.ledger.LedgerSignal;
import io.citykpi.gateway.ledger.LedgerTables;
import io.citykpi.shared.event.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Applies consumed records exactly once: per batch, one transaction holds the facts, the ledger's rows
 * and pre-aggregates, the dead letters and the next offsets. Records are read before the transaction
 * (a bad one is parked, not failed on); if the batch still fails for a reason other than an unreachable
 * database, its records are applied one at a time and the one that fails is parked.
 */
@ApplicationScoped
public class BatchApplier {

    static final String CE_ID = "ce_id";

    private static final Logger LOG = Logger.getLogger(BatchApplier.class);

    /** How a batch is applied: to the active generation, or to one being rebuilt (loading or catching up). */
    public enum Mode {
        /** The active generation: dead letters parked, replicas notified. */
        LIVE("ACTIVE"),
        /** A rebuild's first phase: facts only; the ledger is built from them afterwards. */
        LOAD("BUILDING"),
        /** A rebuild catching up with the live stream: facts and ledger. */
        CATCH_UP("BUILDING");

        final String state;

        Mode(String state) {
            this.state = state;
        }
    }

    /** The generation stopped being the one this mode writes to (a switch-over): re-seek and go on. */
    public static final class GenerationMoved extends RuntimeException {
        GenerationMoved(int generation) {
            super("generation " + generation + " is no longer the one to write to");
        }
    }

    private final EventReader reader;
    private final FactStore facts;
    private final Ledger ledger;
    private final DeadLetters deadLetters;
    private final ConsumerPositions positions;
    private final Generations generations;
    private final LedgerSignal signal;
    private final IngestStatus status;
    private final MeterRegistry registry;
    private final Clock clock;
    private Timer latency;

    public BatchApplier(EventReader reader, FactStore facts, Ledger ledger, DeadLetters deadLetters,
                        ConsumerPositions positions, Generations generations, LedgerSignal signal, IngestStatus status,
                        MeterRegistry registry, Clock clock) {
        this.reader = reader;
        this.facts = facts;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.positions = positions;
        this.generations = generations;
        this.signal = signal;
        this.status = status;
        this.registry = registry;
        this.clock = clock;
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

    /** What a batch held. */
    record Outcome(List<Fact> applied, int duplicates, List<EventReader.Unusable> parked) {
    }

    public void apply(List<ConsumerRecord<String, byte[]>> batch, int generation, Mode mode) {
        List<EventReader.Reading> readings = batch.stream().map(reader::read).toList();
        Outcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> write(readings, batch, generation, mode));
        } catch (GenerationMoved moved) {
            throw moved;
        } catch (RuntimeException failure) {
            if (isTransient(failure)) {
                throw failure;
            }
            LOG.warnf("A batch of %d records could not be applied (%s); applying them one at a time", batch.size(),
                    describe(failure));
            outcome = isolated(readings, generation, mode);
        }
        afterCommit(outcome, mode);
    }

    private Outcome isolated(List<EventReader.Reading> readings, int generation, Mode mode) {
        List<Fact> applied = new ArrayList<>();
        List<EventReader.Unusable> parked = new ArrayList<>();
        int duplicates = 0;
        for (EventReader.Reading reading : readings) {
            List<ConsumerRecord<String, byte[]>> one = List.of(reading.record());
            Outcome o;
            try {
                o = QuarkusTransaction.requiringNew().call(() -> write(List.of(reading), one, generation, mode));
            } catch (GenerationMoved moved) {
                throw moved;
            } catch (RuntimeException failure) {
                if (isTransient(failure)) {
                    throw failure;
                }
                EventReader.Unusable bad = new EventReader.Unusable(reading.record(), "could not apply: " + describe(failure));
                o = QuarkusTransaction.requiringNew().call(() -> write(List.of(bad), one, generation, mode));
            }
            applied.addAll(o.applied());
            parked.addAll(o.parked());
            duplicates += o.duplicates();
        }
        return new Outcome(applied, duplicates, parked);
    }

    private Outcome write(List<EventReader.Reading> readings, List<ConsumerRecord<String, byte[]>> batch, int generation,
                          Mode mode) {
        if (!generations.lockIfStill(generation, mode.state)) {
            throw new GenerationMoved(generation);
        }
        LedgerTables tables = new LedgerTables(generation);
        List<FactStore.Stored> usable = new ArrayList<>();
        List<FactStore.Seen> unused = new ArrayList<>();
        List<EventReader.Unusable> unusable = new ArrayList<>();
        for (EventReader.Reading reading : readings) {
            if (reading instanceof EventReader.Usable u) {
                usable.add(u.fact());
            } else if (reading instanceof EventReader.Unused u) {
                unused.add(new FactStore.Seen(u.event().id(), u.event().type(), u.record().topic(),
                        u.record().partition(), u.record().offset()));
            } else if (reading instanceof EventReader.Unusable u) {
                unusable.add(u);
            }
        }
        List<Fact> added = facts.insertNew(tables, usable);
        int seen = facts.markSeen(tables, unused, OffsetDateTime.now(clock));
        int duplicates = usable.size() - added.size() + unused.size() - seen;
        if (mode == Mode.LIVE) {
            deadLetters.park(unusable);
        }
        if (mode != Mode.LOAD) {
            ledger.apply(tables, added);
        }
        positions.advance(generation, nextOffsets(batch));
        long version = generations.countApplied(generation, batch.size());
        if (mode == Mode.LIVE && !added.isEmpty()) {
            signal.changed(generation, version, added.stream().map(Fact::recordedAt).toList());
        }
        return new Outcome(added, duplicates, mode == Mode.LIVE ? unusable : List.of());
    }

    private void afterCommit(Outcome outcome, Mode mode) {
        if (mode != Mode.LIVE) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Fact fact : outcome.applied()) {
            registry.counter("citykpi.gateway.events.applied", "topic", topicOf(fact.source()), "type", fact.type())
                    .increment();
            status.newest(fact.source(), fact.recordedAt().toInstant());
            latency.record(Duration.between(fact.recordedAt(), now));
        }
        if (outcome.duplicates() > 0) {
            registry.counter("citykpi.gateway.events.duplicates").increment(outcome.duplicates());
        }
        deadLetters.parked(outcome.parked());
        status.applied(clock.instant());
    }

    /** The domain topic of a source: /citykpi/projects → citykpi.projects.v1 (the tag the metric has always had). */
    private static String topicOf(String source) {
        return Topics.domainTopic(source.substring(source.lastIndexOf('/') + 1));
    }

    private static Map<TopicPartition, Long> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }

    /** The database is unreachable (or the connection broke, or lost a race): retry the batch as it is. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database is what failed, for the operator's message. */
    static boolean isDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
