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

/**
 * Working days as Chinese offices keep them: Monday to Friday, minus public holidays, plus the
 * weekend days swapped into working days (调休上班).
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingDays;

    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workingDays) {
        this.holidays = Set.copyOf(holidays);
        this.workingDays = Set.copyOf(workingDays);
    }

    /** Reads {@code {"holidays": ["2025-10-01", ...], "workingDays": ["2025-10-11", ...]}}. */
    public static WorkingDayCalendar read(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            return new WorkingDayCalendar(dates(root.path("holidays")), dates(root.path("workingDays")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar", e);
        }
    }

    private static Set<LocalDate> dates(JsonNode array) {
        Set<LocalDate> dates = new HashSet<>();
        array.forEach(node -> dates.add(LocalDate.parse(node.asText())));
        return dates;
    }

    public boolean isWorkingDay(LocalDate day) {
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
