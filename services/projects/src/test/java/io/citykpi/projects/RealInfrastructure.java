package io.citykpi.projects;

import io.citykpi.testkit.KafkaTestResource;
import io.citykpi.testkit.OidcTestResource;
import io.citykpi.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest in this module runs against real PostgreSQL and a real Kafka broker, and checks
 * locally signed bearer tokens (as the city administrator unless a test says otherwise).
 */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true)
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
@QuarkusTestResource(value = OidcTestResource.class, parallel = true)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
