package io.citykpi.bench.generate;

import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.time.BusinessTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The simulation clock of a city's history: steps scheduled at the moment a service records them,
 * run in that order, so the topics receive the events in the order they were recorded, as they would
 * in production. A step may schedule later steps (a hotline case accepted schedules its resolution).
 * Ties keep the order in which they were scheduled, so a seed always gives the same history.
 */
final class Timeline {

    /** Where the events go; {@code scaled} says whether the volume follows the size asked for. */
    interface Sink {
        void emit(String topic, boolean scaled, Supplier<CloudEvent> event);
    }

    private record Step(long at, long sequence, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    final SplittableRandom random;
    private final Sink sink;
    private final Instant end;
    private final PriorityQueue<Step> steps = new PriorityQueue<>();
    private long sequence;
    private long now;

    Timeline(SplittableRandom random, Sink sink, Instant end) {
        this.random = random;
        this.sink = sink;
        this.end = end;
    }

    /** Runs {@code action} when the clock reaches {@code at}; nothing at or after the end of history runs. */
    void at(Instant at, Runnable action) {
        long millis = Math.max(at.toEpochMilli(), now);
        if (millis < end.toEpochMilli()) {
            steps.add(new Step(millis, sequence++, action));
        }
    }

    /** Runs every step recorded before {@code until}. */
    void runUntil(Instant until) {
        long limit = until.toEpochMilli();
        while (!steps.isEmpty() && steps.peek().at() < limit) {
            Step step = steps.poll();
            now = step.at();
            step.action().run();
        }
        now = Math.max(now, Math.min(limit, end.toEpochMilli()));
    }

    /** The moment being simulated (when the running step's events are recorded). */
    Instant now() {
        return Instant.ofEpochMilli(now);
    }

    void emit(String topic, boolean scaled, Supplier<CloudEvent> event) {
        sink.emit(topic, scaled, event);
    }

    // ---- calendar and chance --------------------------------------------------------------------

    static Instant moment(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(BusinessTime.ZONE).toInstant();
    }

    /** A moment of the working day (08:30–18:00), as staff record things. */
    Instant officeHours(LocalDate day) {
        return moment(day, LocalTime.of(8, 30)).plusSeconds(random.nextLong(9 * 3600 + 1800));
    }

    static Instant endOfDay(LocalDate day) {
        return moment(day, LocalTime.of(23, 59, 59));
    }

    static boolean workingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after {@code day} (0 = the same day), weekends skipped; holidays are ignored here. */
    static LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (workingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** How many start on {@code day}: a Poisson count around {@code perWorkingDay}, none at weekends. */
    int onWorkingDays(LocalDate day, double perWorkingDay) {
        return workingDay(day) ? poisson(perWorkingDay) : 0;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int from, int toInclusive) {
        return from + random.nextInt(toInclusive - from + 1);
    }

    double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** A Poisson count with the given mean (normal approximation above 50). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One of {@code values}, chosen with the given weights. */
    <T> T pick(T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
