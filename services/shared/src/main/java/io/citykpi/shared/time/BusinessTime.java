package io.citykpi.shared.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates (effective dates, reporting months, "today") are in Asia/Shanghai whatever the
 * server's zone. The clock is a bean so tests can replace it with a fixed one.
 */
@ApplicationScoped
public class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
