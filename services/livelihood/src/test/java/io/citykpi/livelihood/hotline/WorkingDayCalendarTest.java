package io.citykpi.livelihood.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void holdsTheYears2020To2026AndGuessesNoOther() {
        assertEquals(java.util.Set.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), calendar.years());
        // 2021-01-01 is a Friday and New Year's Day: weekends alone would call it a working day.
        assertFalse(calendar.isWorkingDay(LocalDate.of(2021, 1, 1)));
        YearNotInCalendarException missing = assertThrows(YearNotInCalendarException.class,
                () -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertEquals(2027, missing.year());
        // A limit that runs into a year not held is not counted either (Thu 30 Dec 2026 + 3 working days).
        assertThrows(YearNotInCalendarException.class, () -> calendar.lastDayOfLimit(LocalDate.of(2026, 12, 30), 3));
    }

    @Test
    void matchesTheStateCouncilNoticeFor2026() {
        // 元旦 1-3 Jan, Sun 4 Jan worked; 春节 15-23 Feb, Sat 14 and Sat 28 Feb worked; 清明 4-6 Apr;
        // 劳动节 1-5 May, Sat 9 May worked; 端午 19-21 Jun; 中秋 25-27 Sep; 国庆 1-7 Oct, Sun 20 Sep and Sat 10 Oct worked.
        for (String holiday : new String[] {"2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-06",
                "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-07"}) {
            assertFalse(calendar.isWorkingDay(LocalDate.parse(holiday)), holiday);
        }
        for (String worked : new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10"}) {
            assertTrue(calendar.isWorkingDay(LocalDate.parse(worked)), worked);
        }
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 8)), "a Thursday after the National Day week");
    }

    @Test
    void countsTheExtendedSpringFestivalOf2020() {
        // Thu 23 Jan 2020 + 1: 24 Jan - 2 Feb off (extended by the State Council), Mon 3 Feb
        assertEquals(LocalDate.of(2020, 2, 3), calendar.lastDayOfLimit(LocalDate.of(2020, 1, 23), 1));
        // Sun 19 Jan 2020 was a swapped working day
        assertTrue(calendar.isWorkingDay(LocalDate.of(2020, 1, 19)));
    }

    @Test
    void aFileWithoutYearsHoldsTheYearsOfItsDates() {
        WorkingDayCalendar own = WorkingDayCalendar.read(new java.io.ByteArrayInputStream(
                "{\"holidays\":[\"2027-01-01\"],\"workingDays\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(java.util.Set.of(2027), own.years());
        assertFalse(own.isWorkingDay(LocalDate.of(2027, 1, 1)));
    }
}
