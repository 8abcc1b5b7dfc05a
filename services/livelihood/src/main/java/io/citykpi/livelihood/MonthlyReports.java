package io.citykpi.livelihood;

import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.time.BusinessTime;
import java.time.Clock;
import java.time.YearMonth;

/** Rules every monthly statistic of this service shares. */
public final class MonthlyReports {

    private MonthlyReports() {
    }

    /** Units with units below them do not report: their figure is the sum of those units. */
    public static void requireReportingUnit(OrgUnitRegistry orgUnits, String orgUnit) {
        if (!orgUnits.children(orgUnit).isEmpty()) {
            throw InvalidFieldsException.of("orgUnit", "ReportingUnit", "reported by the units of " + orgUnit
                    + "; its own figure is their sum");
        }
    }

    public static void requireBegun(Clock clock, YearMonth month) {
        if (month.isAfter(YearMonth.now(clock.withZone(BusinessTime.ZONE)))) {
            throw InvalidFieldsException.of("month", "NotFuture", "cannot be reported for " + month
                    + " before that month has begun");
        }
    }
}
