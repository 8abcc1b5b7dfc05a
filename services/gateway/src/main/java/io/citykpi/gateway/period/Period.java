package io.citykpi.gateway.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in DHIS2's ISO notation: {@code 2025} (year), {@code 2025Q2} (quarter) or
 * {@code 2025-05} (month). Flows add up inside it; stocks are read at its end (or the as-of date).
 */
public record Period(Kind kind, int year, int index) {

    public enum Kind { YEAR, QUARTER, MONTH }

    public static final String FORMAT = "must be a year (2025), a quarter (2025Q2) or a month (2025-05)";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        Matcher m;
        if ((m = YEAR.matcher(value)).matches()) {
            return Optional.of(year(Integer.parseInt(m.group(1))));
        }
        if ((m = QUARTER.matcher(value)).matches()) {
            return Optional.of(new Period(Kind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = MONTH.matcher(value)).matches()) {
            return Optional.of(new Period(Kind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, year, 1);
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.getYear(), month.getMonthValue());
    }

    public LocalDate start() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, index, 1);
        };
    }

    public LocalDate end() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
        };
    }

    /** The same period a year earlier, for year-on-year comparison. */
    public Period previousYear() {
        return new Period(kind, year - 1, index);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "Q" + index;
            case MONTH -> YearMonth.of(year, index).toString();
        };
    }
}
