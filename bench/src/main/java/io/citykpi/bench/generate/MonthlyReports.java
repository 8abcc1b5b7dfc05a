package io.citykpi.bench.generate;

import static io.citykpi.bench.generate.Units.money;

import io.citykpi.shared.event.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What every unit below the city reports each month, whatever the size of the city's history: fixed
 * asset investment (due the 8th), assistance in four categories and employment (due the 10th), and
 * the progress of its livelihood programmes (民生实事, due the 5th), created each January. Most reports
 * are on time, some late, a few missing, a few corrected weeks later; now and then an FAI figure is
 * typed in 元 instead of 万元 and corrected, as the gateway's unit-mistake alert expects.
 */
final class MonthlyReports {

    private static final String[] ASSISTANCE = {"MINIMUM_LIVING_ALLOWANCE", "EXTREME_POVERTY_SUPPORT",
        "TEMPORARY_ASSISTANCE", "OTHER"};
    private static final double[] ASSISTANCE_SHARES = {0.62, 0.2, 0.1, 0.08};
    private static final String[][] PROGRAMMES = {
        {"OLD_ESTATE_RENOVATION", "SQUARE_METRES", "老旧小区改造"},
        {"AGE_FRIENDLY_RETROFIT", "HOUSEHOLDS", "适老化改造"},
        {"RAIN_SEWAGE_SEPARATION", "KILOMETRES", "雨污分流改造"},
        {"LOW_VOLTAGE_UNDERGROUNDING", "KILOMETRES", "低压线路入地"},
        {"CARE_CENTRE", "PLACES", "养老服务中心"},
    };

    private final Timeline t;
    private final EventPayloads p;
    private final Map<String, BigDecimal> faiByUnitMonth = new HashMap<>();

    MonthlyReports(Timeline t, EventPayloads p) {
        this.t = t;
        this.p = p;
    }

    /** On the first of each month: last month's reports; in January also the year's programmes. */
    void day(LocalDate day) {
        if (day.getDayOfMonth() != 1) {
            return;
        }
        YearMonth month = YearMonth.from(day).minusMonths(1);
        for (Units.Unit unit : Units.REPORTING) {
            fai(unit, month);
            for (String category : ASSISTANCE) {
                assistance(unit, month, category);
            }
            employment(unit, month);
            if (day.getMonthValue() == 1) {
                for (int i = 0; i < 2; i++) {
                    programme(unit, day.getYear(), i);
                }
            }
        }
    }

    /** The day a report due on {@code dueDay} of the next month is submitted, or null when it never is. */
    private LocalDate submitted(YearMonth month, int dueDay) {
        double x = t.random.nextDouble();
        if (x < 0.015) {
            return null;
        }
        YearMonth next = month.plusMonths(1);
        return x < 0.88 ? next.atDay(t.between(1, dueDay)) : next.atDay(Math.min(next.lengthOfMonth(), dueDay + t.between(1, 12)));
    }

    private void fai(Units.Unit unit, YearMonth month) {
        LocalDate on = submitted(month, 8);
        if (on == null) {
            return;
        }
        double seasonal = month.getMonthValue() <= 2 || month.getMonthValue() == 12 ? 0.4 : 1.1;
        BigDecimal amount = money(unit.faiMonthly() * seasonal * t.uniform(0.8, 1.25));
        faiByUnitMonth.put(unit.code() + month, amount);
        BigDecimal lastYear = faiByUnitMonth.get(unit.code() + month.minusYears(1));
        boolean typo = t.chance(0.003);
        BigDecimal reported = typo ? amount.multiply(BigDecimal.valueOf(10_000)) : amount;
        t.at(t.officeHours(on), () -> {
            t.emit(Topics.INVESTMENT, false, () -> p.fixedAssetInvestment(t.now(), unit.code(), month, reported, null,
                    lastYear, on));
            if (typo || t.chance(0.06)) {
                LocalDate corrected = on.plusDays(typo ? t.between(1, 5) : t.between(10, 40));
                BigDecimal better = typo ? amount : money(amount.doubleValue() * t.uniform(0.85, 1.1));
                faiByUnitMonth.put(unit.code() + month, better);
                t.at(t.officeHours(corrected), () -> t.emit(Topics.INVESTMENT, false, () -> p.fixedAssetInvestment(
                        t.now(), unit.code(), month, better, reported, lastYear, corrected)));
            }
        });
    }

    private void assistance(Units.Unit unit, YearMonth month, String category) {
        LocalDate on = submitted(month, 10);
        if (on == null) {
            return;
        }
        double share = ASSISTANCE_SHARES[java.util.Arrays.asList(ASSISTANCE).indexOf(category)];
        BigDecimal amount = money(unit.assistanceMonthly() * share * t.uniform(0.85, 1.15));
        int times = (int) Math.round(unit.beneficiariesMonthly() * share * t.uniform(0.85, 1.15));
        t.at(t.officeHours(on), () -> {
            t.emit(Topics.LIVELIHOOD, false, () -> p.assistance(t.now(), unit.code(), month, category, amount, times,
                    null, null, on));
            if (t.chance(0.03)) {
                LocalDate corrected = on.plusDays(t.between(5, 30));
                BigDecimal better = money(amount.doubleValue() * t.uniform(0.9, 1.1));
                int betterTimes = (int) Math.round(times * t.uniform(0.9, 1.1));
                t.at(t.officeHours(corrected), () -> t.emit(Topics.LIVELIHOOD, false, () -> p.assistance(t.now(),
                        unit.code(), month, category, better, betterTimes, amount, times, corrected)));
            }
        });
    }

    private void employment(Units.Unit unit, YearMonth month) {
        LocalDate on = submitted(month, 10);
        if (on == null) {
            return;
        }
        int jobs = (int) Math.round(unit.newJobsMonthly() * t.uniform(0.7, 1.3));
        BigDecimal rate = BigDecimal.valueOf(t.uniform(2.8, 4.6)).setScale(1, java.math.RoundingMode.HALF_UP);
        int graduates = t.between(10, 80);
        int veterans = t.between(0, 12);
        t.at(t.officeHours(on), () -> {
            t.emit(Topics.LIVELIHOOD, false, () -> p.employment(t.now(), unit.code(), month, jobs, rate, graduates,
                    veterans, null, on));
            if (t.chance(0.03)) {
                LocalDate corrected = on.plusDays(t.between(5, 30));
                int better = (int) Math.round(jobs * t.uniform(0.85, 1.1));
                t.at(t.officeHours(corrected), () -> t.emit(Topics.LIVELIHOOD, false, () -> p.employment(t.now(),
                        unit.code(), month, better, rate, graduates, veterans, jobs, corrected)));
            }
        });
    }

    private void programme(Units.Unit unit, int year, int index) {
        String[] kind = t.pick(PROGRAMMES);
        UUID id = p.nextId();
        String code = "MS-" + unit.abbreviation() + "-" + year + "-" + (index + 1);
        double plannedValue = switch (kind[1]) {
            case "SQUARE_METRES" -> t.uniform(15_000, 130_000);
            case "HOUSEHOLDS" -> t.uniform(200, 2_000);
            case "KILOMETRES" -> t.uniform(5, 60);
            default -> t.uniform(2, 12);
        };
        BigDecimal planned = money(plannedValue);
        LocalDate adopted = LocalDate.of(year, 1, 15).plusDays(t.between(0, 40));
        double pace = t.uniform(0.8, 1.15); // some fall behind, some over-deliver
        t.at(t.officeHours(adopted), () -> {
            t.emit(Topics.LIVELIHOOD, false, () -> p.programmeCreated(t.now(), id, code, unit.name() + kind[2] + " " + code,
                    kind[0], unit.code(), year, kind[1], planned, adopted));
            BigDecimal[] toDate = {BigDecimal.ZERO.setScale(2)};
            for (int m = 3; m <= 12; m++) {
                YearMonth month = YearMonth.of(year, m);
                LocalDate on = submitted(month, 5);
                if (on == null) {
                    continue;
                }
                BigDecimal quantity = money(plannedValue * pace / 10 * t.uniform(0.6, 1.4));
                boolean correct = t.chance(0.05);
                BigDecimal corrected = money(quantity.doubleValue() * t.uniform(0.8, 1.1));
                LocalDate correctedOn = on.plusDays(t.between(5, 30));
                t.at(t.officeHours(on), () -> {
                    toDate[0] = toDate[0].add(quantity);
                    BigDecimal done = toDate[0];
                    t.emit(Topics.LIVELIHOOD, false, () -> p.programmeProgress(t.now(), id, code, unit.code(), kind[0],
                            kind[1], month, quantity, null, done, planned, on));
                    if (correct) {
                        t.at(t.officeHours(correctedOn), () -> {
                            toDate[0] = toDate[0].subtract(quantity).add(corrected);
                            BigDecimal after = toDate[0];
                            t.emit(Topics.LIVELIHOOD, false, () -> p.programmeProgress(t.now(), id, code, unit.code(),
                                    kind[0], kind[1], month, corrected, quantity, after, planned, correctedOn));
                        });
                    }
                });
            }
        });
    }
}
