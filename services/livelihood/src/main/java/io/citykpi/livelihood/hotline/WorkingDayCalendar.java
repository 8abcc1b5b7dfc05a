package io.citykpi.livelihood.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days as Chinese offices keep them: Monday to Friday, minus public holidays, plus the
 * weekend days swapped into working days (调休上班), for the years whose State Council notice the
 * calendar holds. A day of any other year is not guessed from weekends alone (2021-01-01 is a Friday
 * and a holiday): asking about it throws {@link YearNotInCalendarException}.
 */
public final class WorkingDayCalendar {

    private final Set<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingDays;

    public WorkingDayCalendar(Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> workingDays) {
        this.years = Set.copyOf(years);
        this.holidays = Set.copyOf(holidays);
        this.workingDays = Set.copyOf(workingDays);
    }

    /**
     * Reads {@code {"years": [2025, ...], "holidays": ["2025-10-01", ...], "workingDays": ["2025-10-11", ...]}}.
     * A file without {@code years} (a deployment's own, in the earlier format) holds the years its dates
     * fall in.
     */
    public static WorkingDayCalendar read(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Set<LocalDate> holidays = dates(root.path("holidays"));
            Set<LocalDate> workingDays = dates(root.path("workingDays"));
            Set<Integer> years = new HashSet<>();
            if (root.has("years")) {
                root.path("years").forEach(year -> years.add(year.asInt()));
            } else {
                holidays.forEach(day -> years.add(day.getYear()));
                workingDays.forEach(day -> years.add(day.getYear()));
            }
            return new WorkingDayCalendar(years, holidays, workingDays);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar", e);
        }
    }

    private static Set<LocalDate> dates(JsonNode array) {
        Set<LocalDate> dates = new HashSet<>();
        array.forEach(node -> dates.add(LocalDate.parse(node.asText())));
        return dates;
    }

    /** The years the calendar holds, in order. */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    public boolean holds(int year) {
        return years.contains(year);
    }

    /** @throws YearNotInCalendarException for a day of a year the calendar does not hold */
    public boolean isWorkingDay(LocalDate day) {
        if (!holds(day.getYear())) {
            throw new YearNotInCalendarException(day.getYear(), years());
        }
        if (workingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a limit of {@code workingDays} working days, counted from the day after
     * {@code received}; a limit of 0 ends on the day of receipt itself, whatever day that is.
     *
     * @throws YearNotInCalendarException when the limit runs through a year the calendar does not hold
     */
    public LocalDate lastDayOfLimit(LocalDate received, int workingDays) {
        LocalDate day = received;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
