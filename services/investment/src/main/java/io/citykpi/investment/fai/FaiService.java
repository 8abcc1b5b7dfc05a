package io.citykpi.investment.fai;

import io.citykpi.shared.contract.investment.FaiEvents;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.monthly.MonthlyFigures;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.SubmittedOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Monthly fixed-asset investment per org unit; the city's figure is the sum of its units. */
@ApplicationScoped
public class FaiService {

    private static final Logger LOG = Logger.getLogger(FaiService.class);

    private final MonthlyFigures figures;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public FaiService(MonthlyFigures figures, Clock clock, OrgUnitRegistry orgUnits, WriteScope writeScope) {
        this.figures = figures;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    public record Result(FaiViews.Report report, boolean created) {
    }

    @Transactional
    public Result report(String orgUnit, YearMonth month, BigDecimal requested, LocalDate submittedOn) {
        writeScope.check(orgUnit);
        if (!orgUnits.children(orgUnit).isEmpty()) {
            throw InvalidFieldsException.of("orgUnit", "ReportingUnit", "FAI is reported by the units of " + orgUnit
                    + "; its own figure is their sum");
        }
        BigDecimal amount = requested.setScale(2, RoundingMode.UNNECESSARY);
        LocalDate submitted = SubmittedOn.resolve(submittedOn, month, clock);
        FixedAssetInvestment lastYearRow = FixedAssetInvestment.find(orgUnit, month.minusYears(1));
        BigDecimal lastYear = lastYearRow == null ? null : lastYearRow.amount;
        BigDecimal growth = Growth.percent(amount, lastYear);
        MonthlyFigures.Outcome<FixedAssetInvestment, BigDecimal> outcome = figures.report(MonthlyFigures.kind(
                        () -> FixedAssetInvestment.findForUpdate(orgUnit, month),
                        now -> {
                            FixedAssetInvestment row = new FixedAssetInvestment();
                            row.orgUnit = orgUnit;
                            row.monthStart = month.atDay(1);
                            row.recordedAt = now;
                            return row;
                        },
                        row -> row.amount,
                        (row, value, now) -> {
                            row.amount = value;
                            row.updatedAt = now;
                            row.persistAndFlush();
                        },
                        MonthlyFigures::sameAmount),
                amount,
                new MonthlyFigures.Event<>(FaiEvents.REPORTED, FaiEvents.CORRECTED, orgUnit + "/" + month, orgUnit,
                        o -> new FaiEvents.FixedAssetInvestmentReported(orgUnit, month, amount, o.previous(), lastYear,
                                growth, submitted, month.atEndOfMonth())));
        if (outcome.changed() && outcome.created()) {
            LOG.infof("FAI of %s for %s: %s万元", orgUnit, month, amount.toPlainString());
        } else if (outcome.changed()) {
            LOG.infof("FAI of %s for %s corrected from %s万元 to %s万元", orgUnit, month,
                    outcome.previous().toPlainString(), amount.toPlainString());
        }
        return new Result(new FaiViews.Report(orgUnit, month, amount, outcome.previous(), lastYear, growth),
                outcome.created());
    }

    /**
     * The year month by month for a unit and everything below it. Growth (of a month, and of the year to
     * date) compares only the unit-months that have a figure a year earlier: Σ those months ÷ Σ their
     * figures a year earlier − 1, the definition the gateway's KPI uses too; the amounts add every month.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FaiViews.Series series(String orgUnit, int year) {
        List<String> units = orgUnits.selfAndDescendants(orgUnit);
        Map<YearMonth, Map<String, BigDecimal>> byMonth = new HashMap<>();
        for (FixedAssetInvestment row : FixedAssetInvestment.between(units, YearMonth.of(year - 1, 1), YearMonth.of(year, 12))) {
            byMonth.computeIfAbsent(YearMonth.from(row.monthStart), m -> new HashMap<>()).put(row.orgUnit, row.amount);
        }
        List<FaiViews.Month> months = new ArrayList<>();
        BigDecimal ytd = null;
        BigDecimal ytdCompared = null;
        BigDecimal ytdBase = null;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            Map<String, BigDecimal> now = byMonth.getOrDefault(month, Map.of());
            Map<String, BigDecimal> before = byMonth.getOrDefault(month.minusYears(1), Map.of());
            BigDecimal amount = null;
            BigDecimal lastYear = null;
            BigDecimal compared = null;
            BigDecimal base = null;
            for (Map.Entry<String, BigDecimal> unit : now.entrySet()) {
                amount = add(amount, unit.getValue());
                BigDecimal unitBase = before.get(unit.getKey());
                if (unitBase != null) {
                    compared = add(compared, unit.getValue());
                    base = add(base, unitBase);
                }
            }
            for (BigDecimal value : before.values()) {
                lastYear = add(lastYear, value);
            }
            ytd = add(ytd, amount);
            ytdCompared = add(ytdCompared, compared);
            ytdBase = add(ytdBase, base);
            months.add(new FaiViews.Month(month, amount, lastYear, Growth.percent(compared, base), ytd,
                    Growth.percent(ytdCompared, ytdBase), now.size()));
        }
        return new FaiViews.Series(orgUnit, year, months);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : (sum == null ? value : sum.add(value));
    }
}
