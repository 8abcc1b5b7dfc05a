package io.citykpi.shared.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The {@code idempotency_key} table: claims a key for a request and keeps the first answer. */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long an answer is kept for a retry; a key older than that may be used again. */
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public IdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    /** What was stored under a key: the request's fingerprint and, once done, its answer. */
    public record Stored(String operation, String fingerprint, Integer status, String location, String body) {
    }

    /**
     * Claims the key in the caller's transaction, or returns what another request stored under it.
     * A concurrent request with the same key waits on the row until the first one commits (then it
     * gets that one's answer) or rolls back (then it claims the key itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> claim(String key, String operation, String fingerprint) {
        purgeIfDue();
        int inserted = em.createNativeQuery("""
                        insert into idempotency_key (idempotency_key, operation, fingerprint, created_at)
                        values (:key, :operation, :fingerprint, :now) on conflict (idempotency_key) do nothing""")
                .setParameter("key", key)
                .setParameter("operation", operation)
                .setParameter("fingerprint", fingerprint)
                .setParameter("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select operation, fingerprint, status, location, body from idempotency_key
                        where idempotency_key = :key""")
                .setParameter("key", key)
                .getResultList();
        if (rows.isEmpty()) {
            // purged between the two statements: nobody holds it any more
            return claim(key, operation, fingerprint);
        }
        Object[] row = rows.get(0);
        return Optional.of(new Stored((String) row[0], (String) row[1],
                row[2] == null ? null : ((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(String key, int status, String location, String body) {
        em.createNativeQuery("""
                        update idempotency_key set status = :status, location = :location, body = :body
                        where idempotency_key = :key""")
                .setParameter("key", key)
                .setParameter("status", status)
                .setParameter("location", location)
                .setParameter("body", body)
                .executeUpdate();
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (Duration.between(last, now).compareTo(PURGE_INTERVAL) < 0 || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        em.createNativeQuery("delete from idempotency_key where created_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(clock).minus(RETENTION).withOffsetSameInstant(ZoneOffset.UTC))
                .executeUpdate();
    }
}
