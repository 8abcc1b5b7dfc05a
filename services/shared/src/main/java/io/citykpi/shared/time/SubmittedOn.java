package io.citykpi.shared.time;

import io.citykpi.shared.problem.InvalidFieldsException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The day a unit submitted a monthly report (报送日期). Deadlines of the reporting calendar apply to it;
 * it differs from the day the report was keyed in when the statistics office enters paper or
 * spreadsheet reports later. Today when not given.
 */
public final class SubmittedOn {

    private SubmittedOn() {
    }

    public static LocalDate resolve(LocalDate submittedOn, YearMonth month, Clock clock) {
        if (submittedOn == null) {
            return BusinessTime.today(clock);
        }
        if (submittedOn.isBefore(month.atDay(1))) {
            throw InvalidFieldsException.of("submittedOn", "NotBeforeMonth",
                    "a report for " + month + " cannot have been submitted before the month began");
        }
        return submittedOn;
    }
}
