package io.citykpi.livelihood;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.citykpi.testkit.malformed.MalformedInput;
import io.citykpi.testkit.malformed.RowCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import io.citykpi.livelihood.hotline.HotlineCaseTest;
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
        // A real programme and hotline case, so that probes of /{id}/... reach the rules behind the lookup.
        String programme = LivelihoodReportsTest.programme("MALFORMED-" + System.nanoTime() % 100000, "1000");
        String hotlineCase = HotlineCaseTest.receive("COMPLAINT", "2025-05-06T09:00:00+08:00");
        MalformedInput.Report report = MalformedInput.against(base)
                .pathValue("/api/v1/programmes", "id", programme)
                .pathValue("/api/v1/hotline-cases", "caseNumber", hotlineCase)
                .rowCounts(RowCounts.of(dataSource, table -> true))
                .run();
        LOG.info(report.summary());
        assertTrue(report.failures().isEmpty(), report.summary());
        assertTrue(report.idempotencyExercised() > 0, report.summary());
    }
}
