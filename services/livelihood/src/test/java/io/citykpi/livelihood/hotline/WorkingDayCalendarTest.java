package io.citykpi.livelihood.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.read(
            getClass().getClassLoader().getResourceAsStream("calendar/working-days.json"));

    @Test
    void skipsAWeekend() {
        // Thu 13 March 2025 + 3 working days: Fri 14, Mon 17, Tue 18
        assertEquals(LocalDate.of(2025, 3, 18), calendar.lastDayOfLimit(LocalDate.of(2025, 3, 13), 3));
    }

    @Test
    void skipsAPublicHoliday() {
        // Wed 2 April 2025 + 3: Thu 3, (Qingming Fri 4 - Sun 6), Mon 7, Tue 8
        assertEquals(LocalDate.of(2025, 4, 8), calendar.lastDayOfLimit(LocalDate.of(2025, 4, 2), 3));
    }

    @Test
    void countsASwappedWorkingSaturday() {
        // Thu 9 Oct 2025 + 3: Fri 10, Sat 11 (调休上班), Mon 13; without the swap it would be Tue 14
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 10, 11)));
        assertEquals(LocalDate.of(2025, 10, 13), calendar.lastDayOfLimit(LocalDate.of(2025, 10, 9), 3));
    }

    @Test
    void crossesTheNationalDayWeek() {
        // Tue 30 Sep 2025 + 1: Oct 1-8 are holidays, Thu 9 Oct
        assertEquals(LocalDate.of(2025, 10, 9), calendar.lastDayOfLimit(LocalDate.of(2025, 9, 30), 1));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 8)));
    }

    @Test
    void aLimitOfZeroEndsOnTheDayOfReceiptEvenOnAHoliday() {
        assertEquals(LocalDate.of(2025, 10, 3), calendar.lastDayOfLimit(LocalDate.of(2025, 10, 3), 0));
    }

    @Test
    void thirteenWorkingDaysOverTheSpringFestival() {
        // Fri 24 Jan 2025: Sun 26 Jan is a working day; 28 Jan - 4 Feb holidays; Sat 8 Feb working
        // 26, 27 Jan, 5, 6, 7, 8, 10, 11, 12, 13, 14, 17, 18 Feb
        assertEquals(LocalDate.of(2025, 2, 18), calendar.lastDayOfLimit(LocalDate.of(2025, 1, 24), 13));
    }
}
