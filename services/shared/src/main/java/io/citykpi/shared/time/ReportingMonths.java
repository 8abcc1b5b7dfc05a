package io.citykpi.shared.time;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The calendar of monthly reports, defined once for every service: when a month is over (its figures
 * count, its reports are owed) and by which day a month's report is due.
 */
public final class ReportingMonths {

    private ReportingMonths() {
    }

    /**
     * "The month is over" on its last day. As of 30 June, June's monthly figures count in KPIs, June's
     * monthly reports are owed (due in July), and a project planned to start in June that has not
     * started is late. KPIs, alerts and the reporting calendar all ask this.
     */
    public static boolean isOver(YearMonth month, LocalDate day) {
        return !month.atEndOfMonth().isAfter(day);
    }

    /**
     * A month's report is due on {@code dueDay} of the following month (the 5th, the 10th...), or on
     * that month's last day when it is shorter.
     */
    public static LocalDate dueOn(YearMonth month, int dueDay) {
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.min(dueDay, next.lengthOfMonth()));
    }
}
