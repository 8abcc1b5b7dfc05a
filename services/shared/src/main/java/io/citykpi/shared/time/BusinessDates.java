package io.citykpi.shared.time;

import java.time.LocalDate;

/** The range of business dates every service accepts (see {@link BusinessDate}). */
public final class BusinessDates {

    /** The first day a figure can refer to: the platform follows work reports from 2000 on. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private BusinessDates() {
    }

    /** The last day a value may refer to, {@code yearsAhead} years after {@code today} (0: today). */
    public static LocalDate latest(LocalDate today, int yearsAhead) {
        return today.plusYears(yearsAhead);
    }
}
