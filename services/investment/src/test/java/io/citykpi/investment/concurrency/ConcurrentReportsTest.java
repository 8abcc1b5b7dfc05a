package io.citykpi.investment.concurrency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.investment.DealsApi;
import io.citykpi.testkit.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Twenty offices, or one office's retries, writing the same figure at the same moment. */
@QuarkusTest
class ConcurrentReportsTest {

    private static final int WRITERS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void twentyReportsOfOneMonthAtOnceMakeOneReportAndCorrectionsThatLoseNothing() throws Exception {
        String month = "2022-0" + (1 + (int) (System.nanoTime() % 9));
        String orgUnit = "220421";
        List<Response> answers = Concurrently.run(WRITERS, i -> given().contentType(ContentType.JSON)
                .body("{\"amount\":" + (1000 + i) + ".00}")
                .when().put("/api/v1/fixed-asset-investment/" + orgUnit + "/" + month).andReturn());
        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), "statuses " + statuses);
        assertEquals(1L, statuses.get(201), "exactly one first report: " + statuses);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertTrue(r.contentType().startsWith("application/problem+json"), r.asString()));

        // Every accepted write is one event, in the order applied, each correction naming the amount it replaced.
        @SuppressWarnings("unchecked")
        List<String> payloads = em.createNativeQuery("select payload from outbox_event where record_key = ?1 order by id")
                .setParameter(1, orgUnit + "/" + month).getResultList();
        long accepted = statuses.getOrDefault(200, 0L) + statuses.get(201);
        assertEquals(accepted, payloads.size(), "one event per accepted write");
        BigDecimal previous = null;
        for (String payload : payloads) {
            JsonNode event = JSON.readTree(payload);
            if (previous == null) {
                assertTrue(event.path("previousAmount").isNull() || event.path("previousAmount").isMissingNode(), payload);
            } else {
                assertEquals(0, previous.compareTo(event.path("previousAmount").decimalValue()), payload);
            }
            previous = event.path("amount").decimalValue();
        }
        BigDecimal stored = (BigDecimal) em.createNativeQuery(
                        "select amount from fixed_asset_investment where org_unit = ?1 and report_month = ?2")
                .setParameter(1, orgUnit).setParameter(2, LocalDate.parse(month + "-01")).getSingleResult();
        assertEquals(0, previous.compareTo(stored), "the last event's amount is the stored amount");
    }

    @Test
    void twentyRetriesOfOneArrivalWithOneIdempotencyKeyRecordItOnce() {
        String deal = DealsApi.sign("220402", "50000.00", LocalDate.of(2025, 1, 2));
        String key = UUID.randomUUID().toString();
        List<Response> answers = Concurrently.run(WRITERS, i -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"arrivedOn\":\"2025-03-01\",\"amount\":5000.00,\"source\":\"DOMESTIC\"}")
                .when().post("/api/v1/deals/" + deal + "/arrivals").andReturn());
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 201), answers.get(0).asString());
        assertEquals(1, answers.stream().map(Response::asString).distinct().count(), "the same answer every time");
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from fund_arrival where deal_id = cast(?1 as uuid)")
                .setParameter(1, deal).getSingleResult()).longValue());
        given().when().get("/api/v1/deals/" + deal).then().statusCode(200);
    }
}
