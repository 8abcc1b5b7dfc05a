package io.citykpi.livelihood.hotline;

import io.citykpi.shared.time.BusinessTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jboss.logging.Logger;

/**
 * Knows when the working-day calendar lacks a year that is needed: this year (by the business clock),
 * or one a case's limits ran into. Reported by {@link CalendarHealthCheck} and as the gauge
 * {@code citykpi_hotline_calendar_missing_years} that the alert CityKPIWorkingDayCalendarMissingYear
 * watches.
 */
@ApplicationScoped
public class CalendarCoverage {

    private static final Logger LOG = Logger.getLogger(CalendarCoverage.class);

    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Set<Integer> asked = new ConcurrentSkipListSet<>();

    public CalendarCoverage(WorkingDayCalendar calendar, Clock clock, MeterRegistry registry) {
        this.calendar = calendar;
        this.clock = clock;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("citykpi.hotline.calendar.missing.years", this, coverage -> coverage.missing().size())
                .description("Years needed by the 12345 time limits that the working-day calendar does not hold")
                .register(registry);
        if (!missing().isEmpty()) {
            LOG.errorf("The working-day calendar holds %s, not %s: 12345 cases of that year are refused until "
                    + "its holiday notice is added (citykpi.calendar.file)", calendar.years(), missing());
        }
    }

    /** A case needed this year; remembered until the service restarts with a calendar that holds it. */
    public void missingYearAsked(int year) {
        if (asked.add(year)) {
            LOG.errorf("A 12345 case needs the working days of %d, which the calendar (%s) does not hold: "
                    + "refused rather than counted from weekends alone", year, calendar.years());
        }
    }

    /** The years needed and not held: this year if it is not held, and every year a case asked for. */
    public Set<Integer> missing() {
        Set<Integer> missing = new TreeSet<>(asked);
        int thisYear = BusinessTime.today(clock).getYear();
        if (!calendar.holds(thisYear)) {
            missing.add(thisYear);
        }
        missing.removeIf(calendar::holds);
        return missing;
    }

    public Set<Integer> years() {
        return calendar.years();
    }
}
