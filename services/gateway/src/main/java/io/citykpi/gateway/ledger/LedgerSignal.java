package io.citykpi.gateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells every replica, through PostgreSQL NOTIFY (delivered at commit, never for a rolled-back batch),
 * that the active ledger moved to a new version, and when the events that moved it were recorded, so a
 * replica drops remembered answers at once and can measure how fresh its next answer is. (Target
 * changes are announced on the same channel by a trigger on {@code kpi_target}, migration V31.)
 */
@ApplicationScoped
public class LedgerSignal {

    /** The NOTIFY channel. */
    public static final String CHANNEL = "citykpi_ledger";
    /** NOTIFY payloads are limited to 8000 bytes: a sample of the recording times is enough for a histogram. */
    private static final int MAX_TIMES = 400;

    private final EntityManager em;
    private final ObjectMapper mapper;

    public LedgerSignal(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** What a notification says. */
    public record Change(int generation, long version, List<Long> recordedAtMillis) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(int generation, long version, List<OffsetDateTime> recordedAt) {
        List<Long> times = new ArrayList<>();
        int step = Math.max(1, (recordedAt.size() + MAX_TIMES - 1) / MAX_TIMES);
        for (int i = 0; i < recordedAt.size(); i += step) {
            times.add(recordedAt.get(i).toInstant().toEpochMilli());
        }
        try {
            String payload = mapper.writeValueAsString(Map.of("g", generation, "v", version, "t", times));
            em.createNativeQuery("select pg_notify(:channel, :payload)")
                    .setParameter("channel", CHANNEL).setParameter("payload", payload).getSingleResult();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Change read(String payload) {
        try {
            Map<?, ?> map = mapper.readValue(payload, Map.class);
            if (!map.containsKey("v")) {
                return null;
            }
            List<Long> times = new ArrayList<>();
            for (Object t : (List<?>) map.get("t")) {
                times.add(((Number) t).longValue());
            }
            return new Change(((Number) map.get("g")).intValue(), ((Number) map.get("v")).longValue(), times);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
