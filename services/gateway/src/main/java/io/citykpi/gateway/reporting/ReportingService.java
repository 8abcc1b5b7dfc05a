package io.citykpi.gateway.reporting;

import io.citykpi.gateway.query.LedgerQueries;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The reporting calendar for the units that report (those without units below them). */
@ApplicationScoped
public class ReportingService {

    private final LedgerQueries ledger;
    private final OrgUnitRegistry orgUnits;
    private final ReportingCalendar calendar;
    private final Clock clock;

    public ReportingService(LedgerQueries ledger, OrgUnitRegistry orgUnits,
                            ReportingConfig config, Clock clock) {
        this.ledger = ledger;
        this.orgUnits = orgUnits;
        this.calendar = new ReportingCalendar(config);
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportingStatus status(Integer year, LocalDate asOf, OffsetDateTime knownAt, String orgUnit, ReportType type,
                                  ReportingStatus.State state) {
        if (year == null) {
            throw InvalidFieldsException.of("year", "NotNull", "must not be null");
        }
        if (year < 2000 || year > 2100) {
            throw InvalidFieldsException.of("year", "Range", "must lie between 2000 and 2100");
        }
        LocalDate day = asOf != null ? asOf : BusinessTime.today(clock);
        List<String> covered = orgUnit == null ? null : orgUnits.selfAndDescendants(orgUnit);
        List<OrgUnit> owing = orgUnits.all().stream()
                .filter(u -> orgUnits.children(u.code()).isEmpty())
                .filter(u -> covered == null || covered.contains(u.code()))
                .toList();
        ReportingStatus all = calendar.status(year, day, owing,
                ledger.reports(java.util.Arrays.stream(ReportType.values()).map(ReportType::eventType).toList(),
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1), knownAt));
        if (type == null && state == null) {
            return all;
        }
        return new ReportingStatus(all.year(), all.asOf(), all.units(), all.reports().stream()
                .filter(r -> type == null || r.type() == type)
                .filter(r -> state == null || r.state() == state)
                .toList());
    }
}
