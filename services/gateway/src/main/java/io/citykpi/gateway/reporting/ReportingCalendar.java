package io.citykpi.gateway.reporting;

import io.citykpi.shared.time.ReportingMonths;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.MonthlyReports;
import io.citykpi.gateway.reporting.ReportingStatus.State;
import io.citykpi.shared.orgunit.OrgUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which monthly reports each unit owes by which day, and what arrived when. A unit's report for a
 * month counts as received on the day the first report of that kind for that unit and month was
 * submitted (报送日期, for project investment: the first project of the unit to report); corrections
 * do not count as receipt. Pure: the facts say what was submitted and recorded when.
 */
public final class ReportingCalendar {

    private final ReportingConfig config;

    public ReportingCalendar(ReportingConfig config) {
        this.config = config;
    }

    private static LocalDate submitted(Fact report) {
        return MonthlyReports.submittedOn(report);
    }

    /** @param facts the facts the query may know; reports submitted after {@code asOf} are not yet received */
    public ReportingStatus status(int year, LocalDate asOf, List<OrgUnit> units, List<Fact> facts) {
        Map<String, Fact> firstReceived = new HashMap<>();
        for (Fact f : facts) {
            for (ReportType type : ReportType.values()) {
                if (type.eventType().equals(f.type()) && !submitted(f).isAfter(asOf)) {
                    String key = f.orgUnit() + "|" + type + "|" + f.data().path("month").asText();
                    firstReceived.merge(key, f, (a, b) -> submitted(a).isAfter(submitted(b)) ? b : a);
                }
            }
        }
        List<ReportingStatus.Report> reports = new ArrayList<>();
        List<ReportingStatus.UnitSummary> summaries = new ArrayList<>();
        for (OrgUnit unit : units) {
            int onTime = 0;
            int late = 0;
            int missing = 0;
            int pending = 0;
            for (ReportType type : ReportType.values()) {
                for (int m = 1; m <= 12; m++) {
                    YearMonth month = YearMonth.of(year, m);
                    if (!ReportingMonths.isOver(month, asOf)) {
                        break;
                    }
                    LocalDate dueOn = ReportingMonths.dueOn(month, config.dueDay(type));
                    Fact first = firstReceived.get(unit.code() + "|" + type + "|" + month);
                    LocalDate receivedOn = first == null ? null : submitted(first);
                    State state;
                    Integer daysLate = null;
                    if (receivedOn != null && !receivedOn.isAfter(dueOn)) {
                        state = State.ON_TIME;
                    } else if (receivedOn != null) {
                        state = State.LATE;
                        daysLate = (int) ChronoUnit.DAYS.between(dueOn, receivedOn);
                    } else if (asOf.isAfter(dueOn)) {
                        state = State.MISSING;
                        daysLate = (int) ChronoUnit.DAYS.between(dueOn, asOf);
                    } else {
                        state = State.PENDING;
                    }
                    switch (state) {
                        case ON_TIME -> onTime++;
                        case LATE -> late++;
                        case MISSING -> missing++;
                        case PENDING -> pending++;
                    }
                    reports.add(new ReportingStatus.Report(unit.code(), type, type.nameZh(), month.toString(), dueOn, state,
                            receivedOn, first == null ? null : first.recordedAt(), daysLate));
                }
            }
            // Delivered, late or missing: owed. A report delivered before its due day counts as on time.
            int due = onTime + late + missing;
            BigDecimal rate = due == 0 ? null
                    : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
            summaries.add(new ReportingStatus.UnitSummary(unit.code(), unit.name(), due, onTime, late, missing, pending, rate));
        }
        return new ReportingStatus(year, asOf, summaries, reports);
    }
}
