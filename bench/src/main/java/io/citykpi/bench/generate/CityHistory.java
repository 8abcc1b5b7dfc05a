package io.citykpi.bench.generate;

import io.citykpi.shared.event.CloudEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * Years of a city's activity in all four domains, as the domain services would have published it,
 * in the order it was recorded: mostly 12345 hotline cases, then safety inspections and hazards, key
 * projects, investment deals, and every unit's monthly reports, with corrections, late and missing
 * reports, overdue hazards and the odd typo. The volume of everything but the monthly reports follows
 * {@code scale}; {@link #scaleFor} finds the scale that gives a number of events. The same seed, dates
 * and scale always give the same events.
 *
 * @param seed  seeds every random choice and id
 * @param from  first day of history (Asia/Shanghai)
 * @param until the day history stops, exclusive
 * @param scale 1 ≈ 100 hotline cases a day and 550 events a day in all
 */
public record CityHistory(long seed, LocalDate from, LocalDate until, double scale) {

    /** Receives each event as it is recorded; {@code topic} is its domain topic. */
    public interface Events {
        void accept(String topic, CloudEvent event);
    }

    public CityHistory {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("history must start before it ends: " + from + " .. " + until);
        }
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive");
        }
    }

    /** Writes the whole history to {@code events}, oldest first; returns how many. */
    public long write(Events events) {
        long[] count = {0};
        simulate((topic, scaled, event) -> {
            events.accept(topic, event.get());
            count[0]++;
        }, new EventPayloads(seed ^ 0x5DEECE66DL));
        return count[0];
    }

    /** The scale at which this history (whatever its own scale) has about {@code events} events. */
    public double scaleFor(long events) {
        long[] counts = new long[2];
        // Counting only: no payload is built, so this takes a fraction of the real run.
        simulate((topic, scaled, event) -> counts[scaled ? 0 : 1]++, new EventPayloads(seed ^ 0x5DEECE66DL));
        long fixed = counts[1];
        if (events <= fixed || counts[0] == 0) {
            throw new IllegalArgumentException("a history of " + events + " events is too small for "
                    + from + " .. " + until + ": the monthly reports alone make " + fixed + "; give fewer years");
        }
        return scale * (events - fixed) / counts[0];
    }

    public CityHistory withScale(double newScale) {
        return new CityHistory(seed, from, until, newScale);
    }

    private void simulate(Timeline.Sink sink, EventPayloads payloads) {
        Instant end = Timeline.moment(until, LocalTime.MIDNIGHT);
        Timeline t = new Timeline(new SplittableRandom(seed), sink, end);
        HotlineCases hotline = new HotlineCases(t, payloads, scale);
        Inspections inspections = new Inspections(t, payloads, scale);
        KeyProjects projects = new KeyProjects(t, payloads, scale, until.minusDays(1));
        Deals deals = new Deals(t, payloads, scale);
        MonthlyReports reports = new MonthlyReports(t, payloads);
        projects.backlog(from);
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            hotline.day(day);
            inspections.day(day);
            projects.day(day);
            deals.day(day);
            reports.day(day);
            t.runUntil(Timeline.moment(day.plusDays(1), LocalTime.MIDNIGHT));
        }
    }
}
