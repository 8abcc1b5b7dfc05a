package io.citykpi.gateway.period;

import io.citykpi.shared.time.ReportingMonths;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a KPI value describes: a period, read as of a business date. The cut-off is the as-of date
 * or the period's end, whichever is earlier; flows add up from the period's start to the cut-off,
 * stocks are taken on the cut-off.
 */
public record Window(Period period, LocalDate asOf) {

    public LocalDate start() {
        return period.start();
    }

    public LocalDate end() {
        return period.end();
    }

    public LocalDate cutoff() {
        return asOf.isBefore(period.end()) ? asOf : period.end();
    }

    public int year() {
        return period.year();
    }

    /** The as-of date falls before the period started: nothing can have happened in it yet. */
    public boolean notStarted() {
        return asOf.isBefore(period.start());
    }

    /** A date between the period's start and the cut-off, both included. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(cutoff());
    }

    /** A monthly figure counts once its month is over by the cut-off and the month lies in the period. */
    public boolean coversMonth(YearMonth month) {
        return !month.atDay(1).isBefore(start()) && ReportingMonths.isOver(month, cutoff());
    }

    /** The same window a year earlier (29 February falls back to the 28th). */
    public Window previousYear() {
        return new Window(period.previousYear(), asOf.minusYears(1));
    }
}
