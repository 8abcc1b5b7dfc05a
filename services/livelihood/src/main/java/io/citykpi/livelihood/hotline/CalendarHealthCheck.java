package io.citykpi.livelihood.hotline;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The {@code working-day-calendar} check of {@code /q/health/well}: DOWN with the missing years when
 * the calendar lacks one that is needed. A wellness check, not readiness: every other request is
 * still served, and hotline cases of the years it holds are still counted.
 */
@Wellness
@ApplicationScoped
public class CalendarHealthCheck implements HealthCheck {

    private final CalendarCoverage coverage;

    public CalendarHealthCheck(CalendarCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public HealthCheckResponse call() {
        Set<Integer> missing = coverage.missing();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("working-day-calendar")
                .withData("years", coverage.years().toString());
        if (missing.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("missingYears", missing.toString())
                .withData("message", "12345 time limits cannot be counted for " + missing
                        + ": add the State Council's holiday notice to the working-day calendar")
                .build();
    }
}
