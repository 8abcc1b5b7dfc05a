package io.citykpi.gateway.ledger;

import io.citykpi.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The generations of the KPI ledger. Exactly one is ACTIVE (what queries read and live ingest writes);
 * while a rebuild runs, one is BUILDING. Switching over retires the old one; its tables are dropped
 * afterwards, when nothing reads them any more.
 */
@ApplicationScoped
public class Generations {

    private static final Logger LOG = Logger.getLogger(Generations.class);

    private final EntityManager em;
    private final Clock clock;

    public Generations(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public int active() {
        return ((Number) em.createNativeQuery("select generation from projection_generation where state = 'ACTIVE'")
                .getSingleResult()).intValue();
    }

    /**
     * In an ingest transaction: makes sure the generation is still in the given state, and keeps it so
     * until commit (a switch-over waits for the batch, and the batch for a switch-over).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockIfStill(int generation, String state) {
        List<?> rows = em.createNativeQuery(
                        "select 1 from projection_generation where generation = :g and state = :s for share")
                .setParameter("g", generation).setParameter("s", state).getResultList();
        return !rows.isEmpty();
    }

    @Transactional
    public List<Generation> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select generation, state, phase, requested_at, requested_by, activated_at, retired_at, events_applied
                        from projection_generation order by generation desc""").getResultList();
        return rows.stream().map(Generations::generation).toList();
    }

    @Transactional
    public Optional<Generation> find(int generation) {
        return list().stream().filter(g -> g.generation() == generation).findFirst();
    }

    @Transactional
    public Optional<Generation> building() {
        return list().stream().filter(g -> "BUILDING".equals(g.state())).findFirst();
    }

    @Transactional
    public Generation requestRebuild(String requestedBy) {
        Number building = (Number) em.createNativeQuery(
                "select max(generation) from projection_generation where state = 'BUILDING'").getSingleResult();
        if (building != null) {
            throw ProblemException.conflict("rebuild-running",
                    "generation " + building + " is still being rebuilt; wait for it to switch over",
                    Map.of("generation", building.intValue()));
        }
        int next = ((Number) em.createNativeQuery("select max(generation) + 1 from projection_generation")
                .getSingleResult()).intValue();
        em.createNativeQuery("""
                        insert into projection_generation (generation, state, phase, requested_at, requested_by)
                        values (:generation, 'BUILDING', 'LOADING', :now, :by)""")
                .setParameter("generation", next)
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("by", requestedBy)
                .executeUpdate();
        em.createNativeQuery("select citykpi_create_generation(:g)").setParameter("g", next).getSingleResult();
        LOG.infof("Rebuild requested by %s: replaying every topic into generation %d; KPIs are served from the "
                + "current generation, which keeps following new events, until it has caught up", requestedBy, next);
        return find(next).orElseThrow();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void phase(int generation, String phase) {
        em.createNativeQuery("update projection_generation set phase = :p where generation = :g")
                .setParameter("p", phase).setParameter("g", generation).executeUpdate();
    }

    /** The end offsets a rebuild loads up to, fixed when loading starts (JSON: {"topic/partition": offset}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void loadTo(int generation, String offsetsJson) {
        em.createNativeQuery("update projection_generation set loaded_to = cast(:o as jsonb) where generation = :g")
                .setParameter("o", offsetsJson).setParameter("g", generation).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> loadedTo(int generation) {
        List<?> rows = em.createNativeQuery(
                        "select cast(loaded_to as text) from projection_generation where generation = :g and loaded_to is not null")
                .setParameter("g", generation).getResultList();
        return rows.stream().map(String::valueOf).findFirst();
    }

    /** Counts applied events; on the active generation also moves the ledger version readers compare. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countApplied(int generation, int events) {
        return ((Number) em.createNativeQuery("""
                        update projection_generation set events_applied = events_applied + :n,
                               ledger_version = ledger_version + 1
                        where generation = :g returning ledger_version""")
                .setParameter("n", events)
                .setParameter("g", generation)
                .getSingleResult()).longValue();
    }

    /**
     * Makes a caught-up generation the active one, if it is still BUILDING; the old one is retired (its
     * tables are dropped by {@link #dropRetired} once no query can still be reading them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean activate(int generation) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int retired = em.createNativeQuery("""
                        update projection_generation set state = 'RETIRED', retired_at = :now
                        where state = 'ACTIVE' and generation < :g
                          and exists (select 1 from projection_generation where generation = :g and state = 'BUILDING')""")
                .setParameter("now", now)
                .setParameter("g", generation)
                .executeUpdate();
        if (retired == 0) {
            return false;
        }
        em.createNativeQuery("""
                        update projection_generation set state = 'ACTIVE', phase = null, activated_at = :now,
                               ledger_version = ledger_version + 1
                        where generation = :g""")
                .setParameter("now", now)
                .setParameter("g", generation)
                .executeUpdate();
        return true;
    }

    /** Drops the tables and positions of generations retired before the given moment. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int dropRetired(OffsetDateTime retiredBefore) {
        @SuppressWarnings("unchecked")
        List<Number> old = em.createNativeQuery("""
                        select generation from projection_generation
                        where state = 'RETIRED' and retired_at < :before and not tables_dropped""")
                .setParameter("before", retiredBefore).getResultList();
        for (Number g : old) {
            em.createNativeQuery("select citykpi_drop_generation(:g)").setParameter("g", g.intValue()).getSingleResult();
            em.createNativeQuery("delete from consumer_position where generation = :g").setParameter("g", g.intValue())
                    .executeUpdate();
            em.createNativeQuery("update projection_generation set tables_dropped = true where generation = :g")
                    .setParameter("g", g.intValue()).executeUpdate();
            LOG.infof("Dropped the tables of retired ledger generation %d", g.intValue());
        }
        return old.size();
    }

    private static Generation generation(Object[] row) {
        return new Generation(((Number) row[0]).intValue(), (String) row[1], (String) row[2], timestamp(row[3]),
                (String) row[4], timestamp(row[5]), timestamp(row[6]), ((Number) row[7]).longValue());
    }

    static OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
