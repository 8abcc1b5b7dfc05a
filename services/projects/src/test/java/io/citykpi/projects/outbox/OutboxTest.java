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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    @Test
    void eventsOfOneRecordLeaveInTheOrderTheirTransactionsCommitted() throws Exception {
        String key = "ordered-" + UUID.randomUUID();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            // The first writer appends (its row gets the lower id) and stays uncommitted for a while.
            Future<?> first = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(ProjectEvents.REGISTERED, key, "220402", registered("FIRST-0001"));
                firstAppended.countDown();
                await(firstMayCommit);
            }));
            assertTrue(firstAppended.await(30, TimeUnit.SECONDS));
            Future<?> second = writers.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                    outbox.append(ProjectEvents.REGISTERED, key, "220402", registered("SECOND-0002"))));
            // Without the per-record lock the second would commit now, and the relay would publish it
            // while the first row is still invisible to it: a subscriber would see SECOND before FIRST.
            assertThrows(TimeoutException.class, () -> second.get(2, TimeUnit.SECONDS),
                    "a second writer of the same record waits for the first to commit");
            firstMayCommit.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            firstMayCommit.countDown();
            writers.shutdownNow();
        }
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.PROJECTS,
                r -> key.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(List.of("FIRST-0001", "SECOND-0002"), records.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8).replaceAll(".*\"code\":\"([^\"]+)\".*", "$1"))
                .toList());
    }

    @Test
    void writersOfDifferentRecordsDoNotWaitForEachOther() throws Exception {
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(ProjectEvents.REGISTERED, "apart-" + UUID.randomUUID(), "220402", registered("APART-0001"));
                firstAppended.countDown();
                await(firstMayCommit);
            }));
            assertTrue(firstAppended.await(30, TimeUnit.SECONDS));
            writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> outbox.append(ProjectEvents.REGISTERED,
                    "apart-" + UUID.randomUUID(), "220402", registered("APART-0002")))).get(10, TimeUnit.SECONDS);
            firstMayCommit.countDown();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            firstMayCommit.countDown();
            writers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A payload of the contract's record, as every producer appends. */
    private static ProjectEvents.ProjectRegistered registered() {
        return registered("OUTBOX-TEST");
    }

    private static ProjectEvents.ProjectRegistered registered(String code) {
        return new ProjectEvents.ProjectRegistered(UUID.randomUUID(), code, "outbox test", "220402", null, null,
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
