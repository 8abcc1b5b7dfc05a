package io.citykpi.livelihood.hotline;

import java.util.Set;

/** A working-day limit reached a year whose holiday notice the calendar does not hold. */
public class YearNotInCalendarException extends RuntimeException {

    private final int year;

    public YearNotInCalendarException(int year, Set<Integer> held) {
        super("the working-day calendar holds " + held + ", not " + year
                + ": add the State Council's holiday notice for " + year + " to it");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
