package io.citykpi.gateway.reporting;

import static io.citykpi.gateway.DomainEvents.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.reporting.ReportingStatus.State;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingCalendarTest {

    static final ReportingConfig CALENDAR = new ReportingConfig() {
        public int projectInvestment() { return 5; }
        public int fixedAssetInvestment() { return 8; }
        public int programmeProgress() { return 5; }
        public int assistance() { return 10; }
        public int employment() { return 10; }
    };

    final DomainEvents events = new DomainEvents();
    final List<Fact> facts = new ArrayList<>();
    final OrgUnit dongfeng = OrgUnitRegistry.bundled().find("220421").orElseThrow();

    ReportingStatus status(LocalDate asOf) {
        return new ReportingCalendar(CALENDAR).status(2025, asOf, List.of(dongfeng), facts);
    }

    static ReportingStatus.Report report(ReportingStatus status, ReportType type, String month) {
        return status.reports().stream().filter(r -> r.type() == type && r.month().equals(month)).findFirst().orElseThrow();
    }

    void fai(String month, LocalDate recordedOn) {
        facts.add(events.fact(events.recordedAt(shanghai(recordedOn, 16))
                .fixedAssetInvestment("220421", YearMonth.parse(month), "1000", null, null)));
    }

    @Test
    void onTimeLateMissingAndPendingAgainstTheDueDayOfTheNextMonth() {
        fai("2025-01", LocalDate.of(2025, 2, 8));   // due 8 Feb: on the day is on time
        fai("2025-02", LocalDate.of(2025, 3, 11));  // due 8 Mar: 3 days late
        // March never reported: missing
        fai("2025-04", LocalDate.of(2025, 4, 30));  // before the month was over: early is on time
        // A correction of January is not a second receipt.
        facts.add(events.fact(events.recordedAt(shanghai(LocalDate.of(2025, 3, 20), 9))
                .fixedAssetInvestment("220421", YearMonth.of(2025, 1), "1100", "1000", null)));

        ReportingStatus status = status(LocalDate.of(2025, 5, 6));
        assertEquals(State.ON_TIME, report(status, ReportType.FIXED_ASSET_INVESTMENT, "2025-01").state());
        ReportingStatus.Report february = report(status, ReportType.FIXED_ASSET_INVESTMENT, "2025-02");
        assertEquals(State.LATE, february.state());
        assertEquals(3, february.daysLate());
        assertEquals(LocalDate.of(2025, 3, 8), february.dueOn());
        ReportingStatus.Report march = report(status, ReportType.FIXED_ASSET_INVESTMENT, "2025-03");
        assertEquals(State.MISSING, march.state());
        assertEquals(28, march.daysLate(), "8 April to 6 May");
        assertEquals(State.ON_TIME, report(status, ReportType.FIXED_ASSET_INVESTMENT, "2025-04").state());
        // May is not over on 6 May: not owed yet.
        assertEquals(0, status.reports().stream().filter(r -> r.month().equals("2025-05")).count());
        // Employment for April is due on 10 May: pending on 6 May, missing on 11 May.
        assertEquals(State.PENDING, report(status, ReportType.EMPLOYMENT, "2025-04").state());
        assertNull(report(status, ReportType.EMPLOYMENT, "2025-04").daysLate());
        assertEquals(State.MISSING, report(status(LocalDate.of(2025, 5, 11)), ReportType.EMPLOYMENT, "2025-04").state());
    }

    @Test
    void theDeadlineAppliesToTheDayTheUnitSubmittedNotTheDayItWasKeyedIn() {
        var keyedInLate = events.recordedAt(shanghai(LocalDate.of(2025, 4, 20), 10))
                .fixedAssetInvestment("220421", YearMonth.of(2025, 2), "1000", null, null);
        ((com.fasterxml.jackson.databind.node.ObjectNode) keyedInLate.data()).put("submittedOn", "2025-03-07");
        facts.add(events.fact(keyedInLate));
        ReportingStatus.Report february = report(status(LocalDate.of(2025, 5, 1)), ReportType.FIXED_ASSET_INVESTMENT, "2025-02");
        assertEquals(State.ON_TIME, february.state());
        assertEquals(LocalDate.of(2025, 3, 7), february.submittedOn());
        // As of 5 March it had not been submitted yet.
        assertEquals(State.PENDING, report(status(LocalDate.of(2025, 3, 5)), ReportType.FIXED_ASSET_INVESTMENT, "2025-02").state());
    }

    @Test
    void theOnTimeRateCountsWhatIsOwed() {
        fai("2025-01", LocalDate.of(2025, 2, 3));
        fai("2025-02", LocalDate.of(2025, 3, 9));
        ReportingStatus status = status(LocalDate.of(2025, 3, 10));
        ReportingStatus.UnitSummary unit = status.units().get(0);
        // Owed by 10 March: January of all five reports (5), February's FAI (due 8 Mar) and project investment
        // and programme progress (due 5 Mar); assistance and employment for February are due on the 10th: pending.
        assertEquals(1, unit.onTime());
        assertEquals(1, unit.late());
        assertEquals(6, unit.missing());
        assertEquals(8, unit.due());
        assertEquals(2, unit.pending());
        assertEquals(0, new BigDecimal("12.50").compareTo(unit.onTimeRate()));
    }
}
