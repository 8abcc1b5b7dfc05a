package io.citykpi.shared.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ReportingMonthsTest {

    @Test
    void aMonthIsOverOnItsLastDay() {
        assertFalse(ReportingMonths.isOver(YearMonth.of(2020, 6), LocalDate.of(2020, 6, 29)));
        assertTrue(ReportingMonths.isOver(YearMonth.of(2020, 6), LocalDate.of(2020, 6, 30)));
        assertTrue(ReportingMonths.isOver(YearMonth.of(2020, 2), LocalDate.of(2020, 2, 29)), "a leap February");
    }

    @Test
    void aReportIsDueOnItsDayOfTheFollowingMonthOrThatMonthsLastDay() {
        assertEquals(LocalDate.of(2025, 7, 10), ReportingMonths.dueOn(YearMonth.of(2025, 6), 10));
        assertEquals(LocalDate.of(2026, 1, 5), ReportingMonths.dueOn(YearMonth.of(2025, 12), 5));
        assertEquals(LocalDate.of(2025, 2, 28), ReportingMonths.dueOn(YearMonth.of(2025, 1), 31));
    }
}
