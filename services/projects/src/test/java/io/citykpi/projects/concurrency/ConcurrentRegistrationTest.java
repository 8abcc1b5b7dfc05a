package io.citykpi.projects.concurrency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.projects.ProjectsApi;
import io.citykpi.testkit.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many users (or one user's retries) registering at the same moment: one record, the others told why. */
@QuarkusTest
class ConcurrentRegistrationTest {

    private static final int USERS = 20;

    @Inject
    EntityManager em;

    @Test
    void twentyFirstRegistrationsOfOneCodeMakeOneProjectAndNineteenConflicts() {
        String code = ProjectsApi.newCode("RACE");
        List<Response> answers = Concurrently.run(USERS, i -> register(code, "并发登记 " + i, null));
        Map<Integer, Long> statuses = statuses(answers);
        assertEquals(Map.of(201, 1L, 409, (long) USERS - 1), statuses, "statuses " + statuses);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertTrue(r.contentType().startsWith("application/problem+json"), r.asString()));
        assertEquals(1, count("select count(*) from project where code = ?1", code));
        assertEquals(1, count("select count(*) from outbox_event where event_type like '%project-registered%' "
                + "and payload like ?1", "%\"" + code + "\"%"));
    }

    @Test
    void twentyRetriesWithOneIdempotencyKeyMakeOneProjectAndTheSameAnswer() {
        String code = ProjectsApi.newCode("RETRY");
        String key = UUID.randomUUID().toString();
        List<Response> answers = Concurrently.run(USERS, i -> register(code, "重复提交", key));
        assertEquals(Map.of(201, (long) USERS), statuses(answers), "statuses " + statuses(answers));
        assertEquals(1, answers.stream().map(r -> r.path("id")).distinct().count(), "one project id for every answer");
        assertEquals(1, count("select count(*) from project where code = ?1", code));
        assertEquals(1, count("select count(*) from outbox_event where payload like ?1", "%\"" + code + "\"%"));

        Response other = register(code, "另一个名称", key);
        assertEquals(409, other.statusCode(), other.asString());
        assertTrue(other.asString().contains("idempotency-key-reused"), other.asString());
    }

    private static Response register(String code, String name, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("""
                        {"code":"%s","name":"%s","orgUnit":"220402","sector":"EQUIPMENT","constructionType":"NEW",
                         "totalInvestment":1000.00}""".formatted(code, name))
                .when().post("/api/v1/projects").andReturn();
    }

    private static Map<Integer, Long> statuses(List<Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
