package io.citykpi.livelihood.assistance;

import io.citykpi.livelihood.MonthlyReports;
import io.citykpi.shared.contract.livelihood.AssistanceCategory;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.monthly.MonthlyFigures;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.SubmittedOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Social assistance (救助) per reporting unit, month and category; the city's figure is the sum of its units. */
@ApplicationScoped
public class AssistanceService {

    private static final Logger LOG = Logger.getLogger(AssistanceService.class);

    private final MonthlyFigures figures;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public AssistanceService(MonthlyFigures figures, Clock clock, OrgUnitRegistry orgUnits, WriteScope writeScope) {
        this.figures = figures;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    /** A month's two figures, reported and corrected together. */
    record Disbursed(BigDecimal amount, int beneficiaryTimes) {
    }

    public record Result(AssistanceResource.View view, boolean created) {
    }

    @Transactional
    public Result report(String orgUnit, YearMonth month, AssistanceCategory category, BigDecimal requestedAmount,
                         int beneficiaryTimes, LocalDate requestedSubmittedOn) {
        MonthlyReports.requireReportingUnit(orgUnits, orgUnit);
        writeScope.check(orgUnit);
        Disbursed reported = new Disbursed(requestedAmount.setScale(2, RoundingMode.UNNECESSARY), beneficiaryTimes);
        LocalDate submittedOn = SubmittedOn.resolve(requestedSubmittedOn, month, clock);
        // Locked: concurrent corrections apply one after the other; two first reports → one 201, one 409.
        MonthlyFigures.Outcome<Assistance, Disbursed> outcome = figures.report(MonthlyFigures.kind(
                        () -> Assistance.findById(new Assistance.Key(orgUnit, month.atDay(1), category),
                                LockModeType.PESSIMISTIC_WRITE),
                        now -> {
                            Assistance row = new Assistance();
                            row.orgUnit = orgUnit;
                            row.monthStart = month.atDay(1);
                            row.category = category;
                            row.recordedAt = now;
                            return row;
                        },
                        row -> new Disbursed(row.amount, row.beneficiaryTimes),
                        (row, value, now) -> {
                            row.amount = value.amount();
                            row.beneficiaryTimes = value.beneficiaryTimes();
                            row.updatedAt = now;
                            row.persist();
                        },
                        (stored, value) -> MonthlyFigures.sameAmount(stored.amount(), value.amount())
                                && stored.beneficiaryTimes() == value.beneficiaryTimes()),
                reported,
                new MonthlyFigures.Event<>(LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED,
                        orgUnit + "/" + month + "/" + category, orgUnit,
                        written -> new LivelihoodEvents.AssistanceReported(orgUnit, month, category, reported.amount(),
                                beneficiaryTimes, amount(written.previous()), times(written.previous()), submittedOn,
                                month.atEndOfMonth())));
        if (outcome.changed()) {
            LOG.infof("Assistance %s of %s for %s: %s万元, %d人次%s", category, orgUnit, month,
                    reported.amount().toPlainString(), beneficiaryTimes, outcome.created() ? "" : " (corrected)");
        }
        return new Result(new AssistanceResource.View(orgUnit, month, category, reported.amount(), beneficiaryTimes,
                amount(outcome.previous()), times(outcome.previous())), outcome.created());
    }

    /** A year month by month, all categories, the unit and every unit below it added up. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssistanceResource.MonthTotal> series(String orgUnit, int year) {
        List<Assistance> rows = Assistance.list("orgUnit in ?1 and monthStart >= ?2 and monthStart <= ?3",
                orgUnits.selfAndDescendants(orgUnit), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1));
        List<AssistanceResource.MonthTotal> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate start = LocalDate.of(year, m, 1);
            List<Assistance> month = rows.stream().filter(r -> r.monthStart.equals(start)).toList();
            months.add(new AssistanceResource.MonthTotal(YearMonth.of(year, m),
                    month.stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    month.stream().mapToInt(r -> r.beneficiaryTimes).sum()));
        }
        return months;
    }

    private static BigDecimal amount(Disbursed figures) {
        return figures == null ? null : figures.amount();
    }

    private static Integer times(Disbursed figures) {
        return figures == null ? null : figures.beneficiaryTimes();
    }
}
