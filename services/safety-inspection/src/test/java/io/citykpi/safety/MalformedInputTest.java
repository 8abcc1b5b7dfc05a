package io.citykpi.safety;

import static io.restassured.RestAssured.given;

import io.citykpi.testkit.malformed.MalformedInputCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document against malformed input (MalformedInput in the testkit). */
@QuarkusTest
class MalformedInputTest extends MalformedInputCheck {

    @Test
    void everyOperationRefusesMalformedInputAndHonoursIdempotencyKeys() {
        // A real inspection and hazard, so that probes of /{id}/... reach the rules behind the lookup.
        String hazard = SafetyApi.hazard("220421", "GENERAL", LocalDate.of(2025, 4, 10), LocalDate.of(2025, 12, 31));
        String inspection = given().get("/api/v1/hazards/" + hazard).then().statusCode(200).extract().path("inspectionId");
        malformedInput()
                .pathValue("/api/v1/hazards", "id", hazard)
                .pathValue("/api/v1/inspections", "id", inspection)
                .run().assertPassed(true);
    }
}
