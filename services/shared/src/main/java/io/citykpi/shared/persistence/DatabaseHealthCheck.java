package io.citykpi.shared.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
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
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return HealthCheckResponse.named("database").up().withData("database", "PostgreSQL").build();
            }
            return down("PostgreSQL did not answer within " + VALIDATION_TIMEOUT_SECONDS + "s");
        } catch (SQLException | RuntimeException e) {
            return down("PostgreSQL is unreachable: " + DatabaseFailures.rootMessage(e));
        }
    }

    private static HealthCheckResponse down(String message) {
        return HealthCheckResponse.named("database").down().withData("database", "PostgreSQL")
                .withData("message", message + "; requests answer 503 until it is back").build();
    }
}
