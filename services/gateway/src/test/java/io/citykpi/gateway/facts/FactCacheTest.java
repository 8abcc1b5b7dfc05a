package io.citykpi.gateway.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.shared.event.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory facts must be exactly what the database holds: new facts appear, a fact whose lower
 * sequence number commits late is not skipped, facts other replicas applied appear within the
 * configured staleness, and filtering matches the database query's.
 */
@QuarkusTest
class FactCacheTest {

    /** A generation of its own, so the ingesting consumer never writes to it. */
    private static final int GENERATION = 9_001;
    private static final LocalDate MAY_5 = LocalDate.of(2025, 5, 5);

    @Inject
    FactCache cache;

    @Inject
    FactStore store;

    @Inject
    EntityManager em;

    private final DomainEvents events = new DomainEvents();

    @AfterEach
    void removeTheGeneration() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from fact where generation = :g")
                .setParameter("g", GENERATION).executeUpdate());
    }

    @Test
    void catchesUpWithFactsAppliedAfterItsLastRead() {
        UUID first = insert(registered("CACHE-1", MAY_5));
        UUID second = insert(registered("CACHE-2", MAY_5));
        assertEquals(List.of(first, second), ids(cache, LocalDate.of(2025, 12, 31), null));

        KnownFacts.Revision before = revision(cache);
        assertEquals(before, revision(cache), "nothing added: answers computed from the facts can be reused");

        UUID third = insert(registered("CACHE-3", MAY_5));
        assertEquals(List.of(first, second, third), ids(cache, LocalDate.of(2025, 12, 31), null));
        assertNotEquals(before, revision(cache));
    }

    @Test
    void readsEverythingAgainWhenALowerSequenceNumberCommitsLate() {
        UUID first = insert(registered("LATE-1", MAY_5));
        long reserved = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select nextval('fact_sequence_no_seq')").getSingleResult()).longValue());
        UUID third = insert(registered("LATE-3", MAY_5));
        assertEquals(List.of(first, third), ids(cache, LocalDate.of(2025, 12, 31), null));

        // Another replica drew `reserved` before the cache's last read and commits only now.
        CloudEvent late = registered("LATE-2", MAY_5);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into fact (generation, sequence_no, event_id, event_type, source, subject, org_unit,
                                          effective_date, recorded_at, data)
                        values (:g, :seq, :id, :type, :source, :subject, :unit, :effective, :recorded, cast(:data as jsonb))""")
                .setParameter("g", GENERATION).setParameter("seq", reserved).setParameter("id", late.id())
                .setParameter("type", late.type()).setParameter("source", late.source())
                .setParameter("subject", late.subject()).setParameter("unit", late.orgUnit())
                .setParameter("effective", MAY_5).setParameter("recorded", late.time())
                .setParameter("data", late.data().toString()).executeUpdate());
        cache.applied();

        assertEquals(List.of(first, late.id(), third), ids(cache, LocalDate.of(2025, 12, 31), null));
    }

    @Test
    void filtersByEffectiveDateAndRecordingTimeLikeTheDatabase() {
        UUID may = insert(registered("FILTER-1", MAY_5));
        UUID june = insert(registered("FILTER-2", LocalDate.of(2025, 6, 20)));
        OffsetDateTime beforeJuneWasRecorded = DomainEvents.shanghai(LocalDate.of(2025, 6, 1), 9);

        assertEquals(List.of(may), ids(cache, LocalDate.of(2025, 5, 31), null));
        assertEquals(List.of(may, june), ids(cache, LocalDate.of(2025, 6, 30), null));
        assertEquals(List.of(may), ids(cache, LocalDate.of(2025, 6, 30), beforeJuneWasRecorded));
        assertEquals(ids(cache, LocalDate.of(2025, 6, 30), beforeJuneWasRecorded),
                QuarkusTransaction.requiringNew().call(() -> store.load(GENERATION, LocalDate.of(2025, 6, 30),
                        beforeJuneWasRecorded)).stream().map(Fact::eventId).toList());
    }

    @Test
    void aboveItsLimitItReadsFromTheDatabaseAndHoldsNothing() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FactCache small = new FactCache(store, new Limits(2, Duration.ZERO), registry);
        small.registerGauges();
        UUID first = insert(registered("LIMIT-1", MAY_5));
        UUID second = insert(registered("LIMIT-2", MAY_5));
        assertEquals(List.of(first, second), ids(small, LocalDate.of(2025, 12, 31), null));
        assertEquals(2.0, registry.get("citykpi.gateway.fact.cache.facts").gauge().value());
        assertEquals(1.0, registry.get("citykpi.gateway.fact.cache.enabled").gauge().value());

        UUID third = insert(registered("LIMIT-3", MAY_5));
        assertEquals(List.of(first, second, third), ids(small, LocalDate.of(2025, 12, 31), null));
        assertNull(revision(small), "read from the database: nothing may be reused");
        assertEquals(0.0, registry.get("citykpi.gateway.fact.cache.facts").gauge().value());
        assertEquals(0.0, registry.get("citykpi.gateway.fact.cache.enabled").gauge().value(), "the alert's signal");
    }

    @Test
    void factsOtherReplicasApplyAppearAfterAtMostTheMaxStaleness() {
        FactCache patient = new FactCache(store, new Limits(1_000, Duration.ofHours(1)), new SimpleMeterRegistry());
        FactCache eager = new FactCache(store, new Limits(1_000, Duration.ZERO), new SimpleMeterRegistry());
        UUID first = insert(registered("STALE-1", MAY_5));
        assertEquals(List.of(first), ids(patient, LocalDate.of(2025, 12, 31), null));
        assertEquals(List.of(first), ids(eager, LocalDate.of(2025, 12, 31), null));

        // Applied by another replica: this one's applier does not say so.
        CloudEvent other = registered("STALE-2", MAY_5);
        QuarkusTransaction.requiringNew().run(() -> store.insert(GENERATION, other, other.orgUnit(), MAY_5));

        assertEquals(List.of(first), ids(patient, LocalDate.of(2025, 12, 31), null), "within the hour: from memory");
        assertEquals(List.of(first, other.id()), ids(eager, LocalDate.of(2025, 12, 31), null));
        patient.applied();
        assertEquals(List.of(first, other.id()), ids(patient, LocalDate.of(2025, 12, 31), null));
    }

    private record Limits(long maxFacts, Duration maxStaleness) implements FactCacheConfig {
    }

    private CloudEvent registered(String code, LocalDate effective) {
        return events.projectRegistered(UUID.randomUUID().toString(), code, "220402", "1000", "PREPARATION", effective);
    }

    private UUID insert(CloudEvent event) {
        LocalDate effective = LocalDate.parse(event.data().get("effectiveDate").asText());
        QuarkusTransaction.requiringNew().run(() -> store.insert(GENERATION, event, event.orgUnit(), effective));
        cache.applied(); // as the record applier does after each batch
        return event.id();
    }

    private static KnownFacts.Revision revision(FactCache cache) {
        return QuarkusTransaction.requiringNew().call(() -> cache.load(GENERATION, LocalDate.of(2025, 12, 31), null))
                .revision();
    }

    private static List<UUID> ids(FactCache cache, LocalDate upTo, OffsetDateTime knownAt) {
        return QuarkusTransaction.requiringNew().call(() -> cache.load(GENERATION, upTo, knownAt))
                .facts().stream().map(Fact::eventId).toList();
    }
}
