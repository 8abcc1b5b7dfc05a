package io.citykpi.gateway.facts;

import io.citykpi.shared.time.BusinessTime;
import java.time.LocalDate;
import java.time.YearMonth;

/** What every monthly report says about itself: the month it reports on, and the day it was submitted. */
public final class MonthlyReports {

    private MonthlyReports() {
    }

    /** The month reported on, or null for a fact that is not a monthly report. */
    public static YearMonth month(Fact fact) {
        return fact.data().hasNonNull("month") ? Payload.month(fact.data(), "month") : null;
    }

    /**
     * The day the unit submitted it (报送日期, {@code submittedOn}); for a report without one, the day it
     * was recorded (Asia/Shanghai). Read at ingest too, so a bad one is set aside there.
     */
    public static LocalDate submittedOn(Fact report) {
        return report.data().hasNonNull("submittedOn") ? Payload.date(report.data(), "submittedOn")
                : report.recordedAt().atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    }
}
