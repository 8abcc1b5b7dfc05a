package io.citykpi.livelihood.employment;

import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents.EmploymentFigures;
import io.citykpi.shared.monthly.MonthlyFigures;
import io.citykpi.shared.persistence.OrgUnitMonthKey;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.SubmittedOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Employment (就业) figures per unit and month. Any unit reports, the city included: the city's
 * human-resources bureau reports its own unemployment rate, because rates cannot be added up.
 */
@ApplicationScoped
public class EmploymentService {

    private static final Logger LOG = Logger.getLogger(EmploymentService.class);

    private final MonthlyFigures figures;
    private final Clock clock;
    private final WriteScope writeScope;

    public EmploymentService(MonthlyFigures figures, Clock clock, WriteScope writeScope) {
        this.figures = figures;
        this.clock = clock;
        this.writeScope = writeScope;
    }

    public record Result(EmploymentResource.View view, boolean created) {
    }

    @Transactional
    public Result report(String orgUnit, YearMonth month, EmploymentFigures requested, LocalDate requestedSubmittedOn) {
        writeScope.check(orgUnit);
        LocalDate submittedOn = SubmittedOn.resolve(requestedSubmittedOn, month, clock);
        EmploymentFigures reported = new EmploymentFigures(requested.newUrbanJobs(),
                requested.registeredUnemploymentRate() == null ? null : requested.registeredUnemploymentRate().setScale(2),
                requested.graduatePlacements(), requested.veteranPlacements());
        // Locked: concurrent corrections apply one after the other (see FixedAssetInvestment.findForUpdate).
        MonthlyFigures.Outcome<Employment, EmploymentFigures> outcome = figures.report(MonthlyFigures.kind(
                        () -> Employment.findById(new OrgUnitMonthKey(orgUnit, month.atDay(1)), LockModeType.PESSIMISTIC_WRITE),
                        now -> {
                            Employment row = new Employment();
                            row.orgUnit = orgUnit;
                            row.monthStart = month.atDay(1);
                            row.recordedAt = now;
                            return row;
                        },
                        EmploymentService::figures,
                        (row, value, now) -> {
                            row.newUrbanJobs = value.newUrbanJobs();
                            row.registeredUnemploymentRate = value.registeredUnemploymentRate();
                            row.graduatePlacements = value.graduatePlacements();
                            row.veteranPlacements = value.veteranPlacements();
                            row.updatedAt = now;
                            row.persist();
                        },
                        Objects::equals),
                reported,
                new MonthlyFigures.Event<>(LivelihoodEvents.EMPLOYMENT_REPORTED, LivelihoodEvents.EMPLOYMENT_CORRECTED,
                        orgUnit + "/" + month, orgUnit,
                        written -> new LivelihoodEvents.EmploymentReported(orgUnit, month, reported, written.previous(),
                                submittedOn, month.atEndOfMonth())));
        if (outcome.changed()) {
            LOG.infof("Employment of %s for %s %s: %d new urban jobs", orgUnit, month,
                    outcome.created() ? "reported" : "corrected", reported.newUrbanJobs());
        }
        return new Result(new EmploymentResource.View(orgUnit, month, reported, outcome.previous()), outcome.created());
    }

    /** A unit's own reports of a year (rates cannot be added up, so no unit below it is included). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EmploymentResource.View> series(String orgUnit, int year) {
        return Employment.<Employment>list("orgUnit = ?1 and monthStart >= ?2 and monthStart <= ?3 order by monthStart",
                        orgUnit, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1)).stream()
                .map(row -> new EmploymentResource.View(row.orgUnit, YearMonth.from(row.monthStart), figures(row), null))
                .toList();
    }

    private static EmploymentFigures figures(Employment row) {
        return new EmploymentFigures(row.newUrbanJobs, row.registeredUnemploymentRate, row.graduatePlacements,
                row.veteranPlacements);
    }
}
