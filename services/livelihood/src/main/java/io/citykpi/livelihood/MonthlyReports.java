package io.citykpi.livelihood;

import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.problem.InvalidFieldsException;

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
}
