package io.citykpi.livelihood;

import io.citykpi.livelihood.hotline.HotlineCaseTest;
import io.citykpi.testkit.malformed.MalformedInputCheck;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document against malformed input (MalformedInput in the testkit). */
@QuarkusTest
class MalformedInputTest extends MalformedInputCheck {

    @Test
    void everyOperationRefusesMalformedInputAndHonoursIdempotencyKeys() {
        // A real programme and hotline case, so that probes of /{id}/... reach the rules behind the lookup.
        String programme = LivelihoodReportsTest.programme("MALFORMED-" + System.nanoTime() % 100000, "1000");
        String hotlineCase = HotlineCaseTest.receive("COMPLAINT", "2025-05-06T09:00:00+08:00");
        malformedInput()
                .pathValue("/api/v1/programmes", "id", programme)
                .pathValue("/api/v1/hotline-cases", "caseNumber", hotlineCase)
                .run().assertPassed(true);
    }
}
