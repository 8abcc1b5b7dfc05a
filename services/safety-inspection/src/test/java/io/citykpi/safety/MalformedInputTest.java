package io.citykpi.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.citykpi.testkit.malformed.MalformedInput;
import io.citykpi.testkit.malformed.RowCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document against malformed input (see MalformedInput in the testkit). */
@QuarkusTest
class MalformedInputTest {

    private static final Logger LOG = Logger.getLogger(MalformedInputTest.class);

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyOperationRefusesMalformedInputAndHonoursIdempotencyKeys() {
        // A real inspection and hazard, so that probes of /{id}/... reach the rules behind the lookup.
        String hazard = SafetyApi.hazard("220421", "GENERAL", LocalDate.of(2025, 4, 10), LocalDate.of(2025, 12, 31));
        String inspection = given().get("/api/v1/hazards/" + hazard).then().statusCode(200).extract().path("inspectionId");
        MalformedInput.Report report = MalformedInput.against(base)
                .pathValue("/api/v1/hazards", "id", hazard)
                .pathValue("/api/v1/inspections", "id", inspection)
                .rowCounts(RowCounts.of(dataSource, table -> true))
                .run();
        LOG.info(report.summary());
        assertTrue(report.failures().isEmpty(), report.summary());
        assertTrue(report.idempotencyExercised() > 0, report.summary());
    }
}
