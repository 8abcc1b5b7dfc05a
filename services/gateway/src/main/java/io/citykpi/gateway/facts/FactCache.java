package io.citykpi.gateway.facts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The facts of the active generation, parsed once and kept in memory: without it every KPI query
 * reads and parses every fact again, which dominates its time once a city has years of history.
 *
 * <p>Facts are only ever added to a generation, so the cache catches up by reading the facts applied
 * after the highest sequence number it holds. Sequence numbers are drawn before commit, so with
 * several replicas ingesting a lower number can become visible after a higher one; the total read in
 * the same statement shows that (cached + new ≠ total), and the cache then reads the generation again.
 * It catches up on the first query after this replica applied a batch, and otherwise at most every
 * {@code max-staleness}, which is how late facts applied by other replicas can appear.
 */
@ApplicationScoped
public class FactCache {

    private static final Logger LOG = Logger.getLogger(FactCache.class);

    private final FactStore store;
    private final FactCacheConfig config;
    private final MeterRegistry registry;
    private volatile Held held;
    private volatile boolean applied = true;
    private long checkedAt;
    private volatile boolean overLimit;
    private long revisions;

    private record Held(KnownFacts.Revision revision, long maxSequence, List<Fact> facts) {

        int generation() {
            return revision.generation();
        }
    }

    public FactCache(FactStore store, FactCacheConfig config, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.registry = registry;
    }

    /** Registered at start-up, so that the series exist before the first query. */
    void onStart(@Observes StartupEvent event) {
        registerGauges();
    }

    void registerGauges() {
        Gauge.builder("citykpi.gateway.fact.cache.facts", this, FactCache::size)
                .description("Parsed facts of the active projection generation held in memory for KPI queries")
                .register(registry);
        Gauge.builder("citykpi.gateway.fact.cache.enabled", this, cache -> cache.overLimit ? 0 : 1)
                .description("0 while the active generation holds more facts than citykpi.kpi.fact-cache.max-facts "
                        + "and KPI queries read them from the database")
                .register(registry);
    }

    /**
     * Facts of the generation effective up to a day and, when knownAt is given, recorded by then, in
     * the order they were applied: from memory when the generation fits, else from the database.
     */
    @Transactional
    public KnownFacts load(int generation, LocalDate effectiveUpTo, OffsetDateTime knownAt) {
        Held now = current(generation);
        if (now == null) {
            return new KnownFacts(store.load(generation, effectiveUpTo, knownAt), null);
        }
        List<Fact> known = new ArrayList<>(now.facts().size());
        for (Fact fact : now.facts()) {
            if (fact.effectiveBy(effectiveUpTo) && (knownAt == null || !fact.recordedAt().isAfter(knownAt))) {
                known.add(fact);
            }
        }
        return new KnownFacts(known, now.revision());
    }

    /** Reads the generation into memory ahead of the first query (at start-up, off the request path). */
    @Transactional
    public void warm(int generation) {
        current(generation);
    }

    /** Called after this replica committed a batch of facts: the next query catches up first. */
    public void applied() {
        applied = true;
    }

    private synchronized Held current(int generation) {
        boolean sameGeneration = held != null && held.generation() == generation;
        if (sameGeneration && !applied && System.nanoTime() - checkedAt < config.maxStaleness().toNanos()) {
            return held;
        }
        // Before reading, so that a batch committed during the read makes the next query read again.
        applied = false;
        checkedAt = System.nanoTime();
        if (sameGeneration) {
            FactStore.Increment increment = store.readAfter(generation, held.maxSequence());
            if (increment.total() == held.facts().size() + increment.facts().size()) {
                if (!increment.facts().isEmpty()) {
                    List<Fact> facts = new ArrayList<>(held.facts().size() + increment.facts().size());
                    facts.addAll(held.facts());
                    facts.addAll(increment.facts());
                    held = withinLimit(generation, facts);
                }
                return held;
            }
            LOG.infof("Fact cache: generation %d holds %d facts, not the %d read in sequence order (one was "
                    + "committed late); reading it again", generation, increment.total(),
                    held.facts().size() + increment.facts().size());
        }
        held = null;
        long total = store.count(generation);
        if (total > config.maxFacts()) {
            overLimit(generation, total);
            return null;
        }
        long started = System.nanoTime();
        FactStore.Increment all = store.readAfter(generation, 0);
        held = withinLimit(generation, all.facts());
        LOG.infof("Fact cache: read the %d facts of generation %d in %d ms", all.facts().size(), generation,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return held;
    }

    private Held withinLimit(int generation, List<Fact> facts) {
        if (facts.size() > config.maxFacts()) {
            overLimit(generation, facts.size());
            return null;
        }
        overLimit = false;
        long maxSequence = facts.isEmpty() ? 0 : facts.get(facts.size() - 1).sequence();
        return new Held(new KnownFacts.Revision(generation, ++revisions), maxSequence, List.copyOf(facts));
    }

    private void overLimit(int generation, long total) {
        if (!overLimit) {
            LOG.warnf("Fact cache off: generation %d holds %d facts, more than citykpi.kpi.fact-cache.max-facts=%d; "
                    + "KPI queries read their facts from the database (slower; raise the limit with the heap)",
                    generation, total, config.maxFacts());
            overLimit = true;
        }
    }

    private int size() {
        Held now = held;
        return now == null ? 0 : now.facts().size();
    }
}
