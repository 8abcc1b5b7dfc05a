package io.citykpi.projects;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.citykpi.testkit.malformed.MalformedInput;
import io.citykpi.testkit.malformed.RowCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
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
        // A real project in preparation, so that probes of /projects/{id}/... reach the rules behind the lookup.
        String project = ProjectsApi.register("PREPARATION", LocalDate.of(2025, 1, 2));
        MalformedInput.Report report = MalformedInput.against(base)
                .pathValue("/api/v1/projects", "id", project)
                .rowCounts(RowCounts.of(dataSource, table -> true))
                .run();
        LOG.info(report.summary());
        assertTrue(report.failures().isEmpty(), report.summary());
        assertTrue(report.idempotencyExercised() > 0, report.summary());
    }
}
