package io.citykpi.safety.hazard;

import static io.citykpi.safety.SafetyApi.decide;
import static io.citykpi.safety.SafetyApi.hazard;
import static io.citykpi.safety.SafetyApi.rectify;
import static io.citykpi.safety.SafetyApi.requestExtension;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citykpi.safety.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Exactly one overdue event per hazard and deadline", also across restarts and concurrent replicas. */
@QuarkusTest
class OverdueJobTest {

    @Inject
    OverdueJob job;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        job.stop();
        clock.reset();
    }

    @Test
    void emitsOneEventPerDeadlineAcrossRestartsAndAgainForAnExtendedDeadline() throws Exception {
        LocalDate today = today();
        String id = hazard("220421", "MAJOR", today.minusDays(3), today.plusDays(5));
        job.runOnce();
        assertEquals(0, overdueEvents(id), "not overdue before its deadline");

        clock.advance(Duration.ofDays(6));
        job.runOnce();
        assertEquals(1, overdueEvents(id));
        given().get("/api/v1/hazards/" + id).then().body("hazard.overdue", equalTo(true));
        job.runOnce();
        assertEquals(1, overdueEvents(id), "a second pass does not repeat it");

        job.start();
        Thread.sleep(2500);
        job.stop();
        job.start();
        Thread.sleep(2500);
        job.stop();
        assertEquals(1, overdueEvents(id), "nor does a restarted, scheduled job");

        LocalDate movedToday = today();
        String extension = requestExtension(id, movedToday.plusDays(10)).statusCode(201).extract().path("id");
        decide(id, extension, true, movedToday).statusCode(200);
        job.runOnce();
        assertEquals(1, overdueEvents(id), "the approved extension covers today");
        given().get("/api/v1/hazards/" + id).then().body("hazard.overdue", equalTo(false));

        clock.advance(Duration.ofDays(11));
        job.runOnce();
        assertEquals(2, overdueEvents(id), "the new deadline passed too: one more event");
        assertEquals(List.of(today.plusDays(5), movedToday.plusDays(10)), overdueDeadlines(id));
    }

    @Test
    void aRectifiedHazardIsNotOverdue() throws Exception {
        LocalDate today = today();
        String id = hazard("220403", "GENERAL", today.minusDays(3), today.plusDays(1));
        rectify(id, today).statusCode(200);
        clock.advance(Duration.ofDays(5));
        job.runOnce();
        assertEquals(0, overdueEvents(id));
    }

    @Test
    void replicasRunningAtTheSameTimeEmitEachEventOnce() throws Exception {
        LocalDate today = today();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(hazard("220422", "GENERAL", today.minusDays(3), today.plusDays(1)));
        }
        clock.advance(Duration.ofDays(3));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> runs = List.of(job::runOnce, job::runOnce, job::runOnce, job::runOnce);
        for (Future<Integer> run : replicas.invokeAll(runs)) {
            run.get();
        }
        replicas.shutdown();
        for (String id : ids) {
            assertEquals(1, overdueEvents(id), "hazard " + id);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private long overdueEvents(String hazardId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from outbox_event
                        where record_key = :id and event_type = 'citykpi.safety-inspection.hazard-overdue.v1'""")
                .setParameter("id", hazardId).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<LocalDate> overdueDeadlines(String hazardId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<String>) em.createNativeQuery("""
                        select payload::json->>'deadline' from outbox_event
                        where record_key = :id and event_type = 'citykpi.safety-inspection.hazard-overdue.v1'
                        order by id""")
                .setParameter("id", hazardId).getResultList()).stream().map(LocalDate::parse).toList());
    }
}
