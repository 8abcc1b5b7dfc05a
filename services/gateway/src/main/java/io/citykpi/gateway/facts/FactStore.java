package io.citykpi.gateway.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes facts as events are applied and reads them back for the KPI engine. */
@ApplicationScoped
public class FactStore {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public FactStore(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(int generation, CloudEvent event, String orgUnit, LocalDate effectiveDate) {
        try {
            em.createNativeQuery("""
                            insert into fact (generation, event_id, event_type, source, subject, org_unit,
                                              effective_date, recorded_at, data)
                            values (:generation, :id, :type, :source, :subject, :orgUnit, :effective, :recorded,
                                    cast(:data as jsonb))
                            on conflict do nothing""")
                    .setParameter("generation", generation)
                    .setParameter("id", event.id())
                    .setParameter("type", event.type())
                    .setParameter("source", event.source())
                    .setParameter("subject", event.subject())
                    .setParameter("orgUnit", orgUnit)
                    .setParameter("effective", effectiveDate)
                    .setParameter("recorded", event.time())
                    .setParameter("data", mapper.writeValueAsString(event.data()))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Facts of the generation effective up to a day and, when knownAt is given, recorded by then:
     * what a bulletin printed at that moment could have known.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Fact> load(int generation, LocalDate effectiveUpTo, OffsetDateTime knownAt) {
        String sql = """
                select event_id, event_type, source, subject, org_unit, effective_date, recorded_at, sequence_no,
                       cast(data as text)
                from fact
                where generation = :generation and effective_date <= :upTo"""
                + (knownAt != null ? " and recorded_at <= :knownAt" : "")
                + " order by sequence_no";
        var query = em.createNativeQuery(sql)
                .setParameter("generation", generation)
                .setParameter("upTo", effectiveUpTo);
        if (knownAt != null) {
            query.setParameter("knownAt", knownAt);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Fact> facts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            facts.add(fact(row, 0));
        }
        return facts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(int generation) {
        return ((Number) em.createNativeQuery("select count(*) from fact where generation = :generation")
                .setParameter("generation", generation)
                .getSingleResult()).longValue();
    }

    /** The facts applied after a sequence number, and how many facts the generation held at that moment. */
    public record Increment(long total, List<Fact> facts) {
    }

    /**
     * Facts with a sequence number above {@code afterSequence}, in sequence order, and the generation's
     * total count read in the same statement, so both describe one snapshot of the table.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Increment readAfter(int generation, long afterSequence) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select total.n, f.event_id, f.event_type, f.source, f.subject, f.org_unit, f.effective_date,
                               f.recorded_at, f.sequence_no, cast(f.data as text)
                        from (select count(*) as n from fact where generation = :generation) total
                        left join fact f on f.generation = :generation and f.sequence_no > :after
                        order by f.sequence_no""")
                .setParameter("generation", generation)
                .setParameter("after", afterSequence)
                .getResultList();
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
        List<Fact> facts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[1] != null) {
                facts.add(fact(row, 1));
            }
        }
        return new Increment(total, facts);
    }

    private Fact fact(Object[] row, int first) {
        try {
            return new Fact((UUID) row[first], (String) row[first + 1], (String) row[first + 2],
                    (String) row[first + 3], (String) row[first + 4], toDate(row[first + 5]),
                    ProjectionGenerations.timestamp(row[first + 6]), ((Number) row[first + 7]).longValue(),
                    mapper.readTree((String) row[first + 8]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fact " + row[first] + " holds unreadable JSON", e);
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
