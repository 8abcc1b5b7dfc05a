package io.citykpi.projects.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.shared.event.Topics;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.testkit.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.projects.ProjectStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The outbox guarantees, seen from the topic: committed events go out, rolled-back ones never do. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        String rolledBack = "rollback-" + UUID.randomUUID();
        String committed = "commit-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(ProjectEvents.REGISTERED, rolledBack, "220402", registered());
            throw new IllegalStateException("business rule failed after the event was appended");
        }));
        QuarkusTransaction.requiringNew().run(() ->
                outbox.append(ProjectEvents.REGISTERED, committed, "220402", registered()));

        // The committed event, appended later, arriving proves the relay had its chance at the first one.
        assertEquals(1, TopicReader.read(bootstrapServers, Topics.PROJECTS, r -> committed.equals(r.key()), 1,
                Duration.ofSeconds(30)).size());
        assertEquals(0, TopicReader.read(bootstrapServers, Topics.PROJECTS, r -> rolledBack.equals(r.key()), 0,
                Duration.ofSeconds(2)).size());
        assertEquals(0L, count("select count(*) from outbox_event where record_key = '" + rolledBack + "'"));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class,
                () -> outbox.append(ProjectEvents.REGISTERED, "x", "220402", registered()));
    }

    @Test
    void publishedRowsAreMarkedSoNothingIsSentTwice() {
        String key = "marked-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                outbox.append(ProjectEvents.REGISTERED, key, "220402", registered()));
        List<?> records = TopicReader.read(bootstrapServers, Topics.PROJECTS, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertEquals(1, records.size());
        long deadline = System.currentTimeMillis() + 10_000;
        while (count("select count(*) from outbox_event where record_key = '" + key + "' and published_at is null") > 0
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
        assertEquals(0L, count("select count(*) from outbox_event where record_key = '" + key + "' and published_at is null"));
        assertTrue(count("select count(*) from outbox_event where record_key = '" + key + "'") == 1);
    }

    /** A payload of the contract's record, as every producer appends. */
    private static ProjectEvents.ProjectRegistered registered() {
        return new ProjectEvents.ProjectRegistered(UUID.randomUUID(), "OUTBOX-TEST", "outbox test", "220402", null, null,
                BigDecimal.TEN, null, ProjectStage.PLANNED, null, null, LocalDate.now());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
