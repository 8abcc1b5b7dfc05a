package io.citykpi.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Real PostgreSQL for a @QuarkusTest run: one throw-away server, one database for the service under test. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private Postgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = Postgres.startTemporary();
        String url = postgres.createDatabase("citykpi");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
