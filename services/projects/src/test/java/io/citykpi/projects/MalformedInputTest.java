package io.citykpi.projects;

import io.citykpi.testkit.malformed.MalformedInputCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document against malformed input (MalformedInput in the testkit). */
@QuarkusTest
class MalformedInputTest extends MalformedInputCheck {

    @Test
    void everyOperationRefusesMalformedInputAndHonoursIdempotencyKeys() {
        // A real project in preparation, so that probes of /projects/{id}/... reach the rules behind the lookup.
        String project = ProjectsApi.register("PREPARATION", LocalDate.of(2025, 1, 2));
        malformedInput().pathValue("/api/v1/projects", "id", project).run().assertPassed(true);
    }
}
