package io.citykpi.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Real PostgreSQL for a @QuarkusTest run: one throw-away server, and one database for the service under
 * test that it reaches as production does, as a password-authenticated role owning that database and
 * nothing else (not the superuser).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private Postgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = Postgres.startTemporary();
        Postgres.Login login = postgres.createServiceDatabase("citykpi", Secrets.generate());
        return Map.of(
                "quarkus.datasource.jdbc.url", login.jdbcUrl(),
                "quarkus.datasource.username", login.username(),
                "quarkus.datasource.password", login.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
