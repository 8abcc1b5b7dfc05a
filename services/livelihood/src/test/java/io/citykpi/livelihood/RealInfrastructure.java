package io.citykpi.livelihood;

import io.citykpi.testkit.KafkaTestResource;
import io.citykpi.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest in this module runs against real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true)
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
