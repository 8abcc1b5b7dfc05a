package io.citykpi.gateway.facts;

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
 * The generations of the fact projection. Exactly one is ACTIVE (what queries read); while a rebuild
 * runs, one is BUILDING (what the consumer writes). Switching over deletes the old generation's facts,
 * applied-event ids and positions in the same transaction.
 */
@ApplicationScoped
public class ProjectionGenerations {

    private static final Logger LOG = Logger.getLogger(ProjectionGenerations.class);

    private final EntityManager em;
    private final Clock clock;

    public ProjectionGenerations(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public int active() {
        return ((Number) em.createNativeQuery("select generation from projection_generation where state = 'ACTIVE'")
                .getSingleResult()).intValue();
    }

    /** The generation the consumer applies events to: the one being built, else the active one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int writing() {
        return ((Number) em.createNativeQuery(
                        "select max(generation) from projection_generation where state in ('ACTIVE', 'BUILDING')")
                .getSingleResult()).intValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Generation> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select generation, state, requested_at, requested_by, activated_at, retired_at, events_applied
                        from projection_generation order by generation desc""").getResultList();
        return rows.stream().map(ProjectionGenerations::generation).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Generation> find(int generation) {
        return list().stream().filter(g -> g.generation() == generation).findFirst();
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
                        insert into projection_generation (generation, state, requested_at, requested_by)
                        values (:generation, 'BUILDING', :now, :by)""")
                .setParameter("generation", next)
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("by", requestedBy)
                .executeUpdate();
        LOG.infof("Rebuild requested by %s: replaying every topic into generation %d; KPIs are served from the "
                + "current generation until it has caught up", requestedBy, next);
        return find(next).orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void countApplied(int generation, int events) {
        em.createNativeQuery("update projection_generation set events_applied = events_applied + :n where generation = :g")
                .setParameter("n", events)
                .setParameter("g", generation)
                .executeUpdate();
    }

    /** Makes a caught-up generation the active one; false if another replica already did. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
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
        em.createNativeQuery("update projection_generation set state = 'ACTIVE', activated_at = :now where generation = :g")
                .setParameter("now", now)
                .setParameter("g", generation)
                .executeUpdate();
        for (String table : List.of("fact", "processed_event", "consumer_position")) {
            em.createNativeQuery("delete from " + table + " where generation < :g").setParameter("g", generation)
                    .executeUpdate();
        }
        return true;
    }

    private static Generation generation(Object[] row) {
        return new Generation(((Number) row[0]).intValue(), (String) row[1], timestamp(row[2]), (String) row[3],
                timestamp(row[4]), timestamp(row[5]), ((Number) row[6]).longValue());
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
