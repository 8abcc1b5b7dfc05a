package io.citykpi.shared.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code database}: DOWN, saying PostgreSQL cannot be reached and why, while no
 * connection can be had. The only check that takes a service out of rotation: without its database
 * a service can neither accept a write nor answer a read (both get 503 with Retry-After meanwhile).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;

    public DatabaseHealthCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        // A query, not Connection.isValid: a failed query marks a connection broken by an outage for
        // removal from the pool, so the check (and the requests) recover once PostgreSQL is back.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(VALIDATION_TIMEOUT_SECONDS);
            statement.execute("select 1");
            return HealthCheckResponse.named("database").up().withData("database", "PostgreSQL").build();
        } catch (SQLException | RuntimeException e) {
            return down("PostgreSQL is unreachable: " + DatabaseFailures.rootMessage(e));
        }
    }

    private static HealthCheckResponse down(String message) {
        return HealthCheckResponse.named("database").down().withData("database", "PostgreSQL")
                .withData("message", message + "; requests answer 503 until it is back").build();
    }
}
