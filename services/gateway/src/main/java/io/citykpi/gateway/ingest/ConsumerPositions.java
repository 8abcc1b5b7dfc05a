package io.citykpi.gateway.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The next offset per partition, stored with the projections (not in Kafka) so both commit together. */
@ApplicationScoped
public class ConsumerPositions {

    private final EntityManager em;
    private final Clock clock;

    public ConsumerPositions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<TopicPartition, Long> load(int generation, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select topic, partition_no, next_offset from consumer_position where generation = :g")
                .setParameter("g", generation)
                .getResultList();
        for (Object[] row : rows) {
            TopicPartition partition = new TopicPartition((String) row[0], ((Number) row[1]).intValue());
            if (partitions.contains(partition)) {
                positions.put(partition, ((Number) row[2]).longValue());
            }
        }
        return positions;
    }

    /** Every stored position of the generation. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<TopicPartition, Long> all(int generation) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select topic, partition_no, next_offset from consumer_position where generation = :g")
                .setParameter("g", generation)
                .getResultList();
        for (Object[] row : rows) {
            positions.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()), ((Number) row[2]).longValue());
        }
        return positions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(int generation, Map<TopicPartition, Long> nextOffsets) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        nextOffsets.forEach((partition, next) -> em.createNativeQuery("""
                        insert into consumer_position (generation, topic, partition_no, next_offset, updated_at)
                        values (:generation, :topic, :partition, :next, :now)
                        on conflict (generation, topic, partition_no)
                        do update set next_offset = excluded.next_offset, updated_at = excluded.updated_at""")
                .setParameter("generation", generation)
                .setParameter("topic", partition.topic())
                .setParameter("partition", partition.partition())
                .setParameter("next", next)
                .setParameter("now", now)
                .executeUpdate());
    }
}
