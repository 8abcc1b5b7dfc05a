package io.citykpi.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.citykpi.testkit.malformed.MalformedInputCheck;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document against malformed input (MalformedInput in the testkit). */
@QuarkusTest
class MalformedInputTest extends MalformedInputCheck {

    @Test
    void everyOperationRefusesMalformedInput() {
        malformedInput().run().assertPassed(false);
    }

    @Test
    void aKpiDetailRefusesTheOrgUnitItDoesNotTakeInsteadOfAnsweringForTheCity() {
        given().when().get("/api/v1/kpis/projects.registered?year=2025&orgUnit=220421")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].rule", equalTo("UnknownParameter"));
    }

    /** The gateway's own writes are targets; facts arrive from Kafka in the background and are left out. */
    @Override
    protected boolean writtenByRequests(String table) {
        return table.startsWith("kpi_target") || table.equals("outbox_event") || table.equals("idempotency_key");
    }
}
