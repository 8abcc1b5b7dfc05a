package io.citykpi.investment;

import io.citykpi.testkit.malformed.MalformedInputCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document against malformed input (MalformedInput in the testkit). */
@QuarkusTest
class MalformedInputTest extends MalformedInputCheck {

    @Test
    void everyOperationRefusesMalformedInputAndHonoursIdempotencyKeys() {
        // A real deal, so that probes of /deals/{id}/... reach the rules behind the lookup.
        String deal = DealsApi.sign("220402", "900000.00", LocalDate.of(2025, 1, 2));
        malformedInput().pathValue("/api/v1/deals", "id", deal).run().assertPassed(true);
    }
}
