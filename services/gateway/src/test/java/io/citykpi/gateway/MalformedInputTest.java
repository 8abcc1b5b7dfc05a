package io.citykpi.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.citykpi.testkit.malformed.MalformedInput;
import io.citykpi.testkit.malformed.RowCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
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
    void everyOperationRefusesMalformedInput() {
        // The gateway's own writes are targets: only their tables are compared (facts arrive from Kafka).
        MalformedInput.Report report = MalformedInput.against(base)
                .header("X-User", "malformed-input-test")
                .rowCounts(RowCounts.of(dataSource, table -> table.startsWith("kpi_target") || table.equals("outbox_event")
                        || table.equals("idempotency_key")))
                .run();
        LOG.info(report.summary());
        assertTrue(report.failures().isEmpty(), report.summary());
    }

    @Test
    void aKpiDetailRefusesTheOrgUnitItDoesNotTakeInsteadOfAnsweringForTheCity() {
        given().when().get("/api/v1/kpis/projects.registered?year=2025&orgUnit=220421")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].rule", equalTo("UnknownParameter"));
    }
}
