package io.citykpi.gateway.security;

import static io.restassured.RestAssured.given;

import io.citykpi.testkit.AuthorizationContract;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Who may call every operation of the gateway API: see {@link AuthorizationContract}. Targets and the
 * projection are the city administrator's; a target's audit trail is for city-admin, leader and auditor.
 */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    /** A year no other test uses, so the administrator's target changes disturb no KPI. */
    private static final String TARGET = "/api/v1/targets/{year}/{kpiId}/{orgUnit}";

    @Override
    protected Map<String, Sample> samples() {
        Sample target = Sample.json("220422", "{\"value\":12}").path("year", "2099").path("kpiId", "projects.registered")
                .path("orgUnit", "220422");
        return Map.of("PUT " + TARGET, target, "DELETE " + TARGET, target);
    }

    @Override
    protected Map<String, String> parameterValues() {
        // A record kind the gateway does not know answers 404 without calling a domain service, which
        // these tests do not run.
        return Map.of("year", "2025", "kpiId", "projects.registered", "orgUnit", "220402", "kind", "no-such-kind");
    }

    /** The administrator's rebuild must be over before another test asks for one of its own. */
    @AfterEach
    void waitForTheRebuildToFinish() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            List<String> states = given().get("/api/v1/admin/projection").then().statusCode(200)
                    .extract().jsonPath().getList("state");
            if (!states.contains("BUILDING")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the projection rebuild did not finish within 2 minutes");
    }
}
