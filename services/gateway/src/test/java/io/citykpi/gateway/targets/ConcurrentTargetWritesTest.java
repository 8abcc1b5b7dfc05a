package io.citykpi.gateway.targets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.testkit.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Twenty planners saving one target at the same moment: no 500, and no change lost without a trace. */
@QuarkusTest
class ConcurrentTargetWritesTest {

    private static final int PLANNERS = 20;

    @Test
    void twentyFirstSavesCreateTheTargetOnceAndTheOthersAreConflicts() {
        String target = "/api/v1/targets/2028/projects.registered/220402";
        List<Response> answers = Concurrently.run(PLANNERS, i -> put(target, "{\"value\":" + (60 + i) + "}"));
        Map<Integer, Long> statuses = statuses(answers);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), "statuses " + statuses);
        assertEquals(1L, statuses.get(201), "created once: " + statuses);
        assertProblems(answers);
        assertAuditMatches(target, answers);
    }

    @Test
    void twentySavesOfTheVersionReadMakeOneChangeAndNineteenStaleVersionConflicts() {
        String target = "/api/v1/targets/2028/projects.registered/220403";
        put(target, "{\"value\":40}").then().statusCode(201);
        List<Response> answers = Concurrently.run(PLANNERS, i -> put(target, "{\"value\":" + (41 + i) + ",\"version\":0}"));
        assertEquals(Map.of(200, 1L, 409, (long) PLANNERS - 1), statuses(answers), "statuses " + statuses(answers));
        assertProblems(answers);
        given().when().get(target).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1));
        assertAuditMatches(target, answers);
    }

    @Test
    void twentySavesWithoutAVersionNeverLoseAChangeSilently() {
        String target = "/api/v1/targets/2028/projects.registered/220421";
        put(target, "{\"value\":10}").then().statusCode(201);
        List<Response> answers = Concurrently.run(PLANNERS, i -> put(target, "{\"value\":" + (11 + i) + "}"));
        Map<Integer, Long> statuses = statuses(answers);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 409), "statuses " + statuses);
        assertProblems(answers);
        // every accepted save moved the version by one and left one audit entry; refused ones left nothing
        int accepted = statuses.getOrDefault(200, 0L).intValue();
        given().when().get(target).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(accepted));
        assertAuditMatches(target, answers);
    }

    private static Response put(String target, String body) {
        return given().contentType(ContentType.JSON)
                .body(body).when().put(target).andReturn();
    }

    private static Map<Integer, Long> statuses(List<Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    private static void assertProblems(List<Response> answers) {
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertTrue(r.contentType().startsWith("application/problem+json"), r.asString()));
    }

    /** The history holds exactly one entry per accepted save, and the last one is the target's value. */
    private static void assertAuditMatches(String target, List<Response> answers) {
        List<Map<String, Object>> history = given().when().get(target + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$");
        long acceptedNow = answers.stream().filter(r -> r.statusCode() < 300).count();
        long earlier = history.size() - acceptedNow;
        assertTrue(earlier == 0 || earlier == 1, "history " + history.size() + " for " + acceptedNow + " accepted");
        Object lastValue = ((Map<?, ?>) history.get(history.size() - 1).get("after")).get("value");
        Object current = given().when().get(target).then().extract().path("value");
        assertEquals(0, new BigDecimal(String.valueOf(current)).compareTo(new BigDecimal(String.valueOf(lastValue))),
                current + " is the last audited value " + lastValue);
    }
}
