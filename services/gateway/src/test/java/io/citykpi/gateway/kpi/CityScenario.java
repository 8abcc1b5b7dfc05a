package io.citykpi.gateway.kpi;

import static io.citykpi.gateway.DomainEvents.shanghai;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.shared.event.CloudEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A synthetic half year (2022, read on 30 June) for the five units below the city, unit k = 1..5
 * doing a little more of everything than unit k − 1. The expected KPIs are written out from the
 * scenario's own description with plain arithmetic, not computed by the engine.
 * 2022 is chosen so that no other test's facts (all in 2025 or later) can touch these values.
 */
final class CityScenario {

    static final int YEAR = 2022;
    static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    static final OffsetDateTime BEFORE_CORRECTIONS = shanghai(LocalDate.of(2022, 7, 10), 9);
    static final List<String> UNITS = List.of("220402", "220403", "220421", "220422", "220471");
    static final String CITY = "220400";

    /** A numerator and, for ratios, a denominator: what the expectation of one unit adds up to. */
    record Expected(BigDecimal num, BigDecimal den) {
        static Expected of(long num) {
            return new Expected(BigDecimal.valueOf(num), null);
        }

        static Expected of(BigDecimal num) {
            return new Expected(num, null);
        }

        static Expected ratio(long num, long den) {
            return new Expected(BigDecimal.valueOf(num), BigDecimal.valueOf(den));
        }

        static Expected ratio(BigDecimal num, BigDecimal den) {
            return new Expected(num, den);
        }

        Expected plus(Expected other) {
            return new Expected(num.add(other.num), den == null ? null : den.add(other.den));
        }

        BigDecimal value(boolean changePercent) {
            if (den == null) {
                return num;
            }
            if (den.signum() == 0) {
                return null;
            }
            BigDecimal percent = num.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
            return changePercent ? percent.subtract(BigDecimal.valueOf(100)) : percent;
        }
    }

    private final DomainEvents events = new DomainEvents();
    private final List<CloudEvent> stream = new ArrayList<>();

    CityScenario() {
        for (int k = 1; k <= UNITS.size(); k++) {
            String unit = UNITS.get(k - 1);
            projects(unit, k);
            investment(unit, k);
            livelihood(unit, k);
            safety(unit, k);
        }
    }

    List<CloudEvent> events() {
        return stream;
    }

    private void emit(CloudEvent event) {
        stream.add(event);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static YearMonth month(int m) {
        return YearMonth.of(YEAR, m);
    }

    // ---- the scenario --------------------------------------------------------------------------

    private void projects(String unit, int k) {
        int keyProjects = k + 2;
        for (int j = 0; j < keyProjects; j++) {
            String p = id();
            String code = "S" + unit + "-" + j;
            emit(events.projectRegistered(p, code, unit, String.valueOf(1000 * k), "PLANNED", LocalDate.of(2021, 12, 1)));
            // The first k + 1 are planned to start in March; the last one continues with no start month.
            emit(events.planSet(p, code, unit, YEAR, "1200", j < k + 1 ? month(3) : null, LocalDate.of(2022, 1, 5)));
            String stage = "PLANNED";
            if (j < k) {
                emit(events.stageChanged(p, code, unit, stage, "UNDER_CONSTRUCTION", LocalDate.of(YEAR, j + 2, 15)));
                stage = "UNDER_CONSTRUCTION";
            }
            if (j == 0 && k >= 2) {
                emit(events.stageChanged(p, code, unit, stage, "COMPLETED", LocalDate.of(YEAR, 5, 20)));
                stage = "COMPLETED";
            }
            if (j == 0 && k >= 3) {
                emit(events.stageChanged(p, code, unit, stage, "IN_PRODUCTION", LocalDate.of(YEAR, 6, 10)));
            }
            if (j < k) {
                emit(events.statRegistered(p, code, unit, LocalDate.of(YEAR, j + 3, 1), null));
            }
            BigDecimal cumulative = BigDecimal.ZERO;
            for (int m = 1; m <= 6; m++) {
                BigDecimal amount = BigDecimal.valueOf(10L * k + j);
                cumulative = cumulative.add(amount);
                emit(events.recordedAt(shanghai(month(m).atEndOfMonth().plusDays(3), 10))
                        .investmentReported(p, code, unit, month(m), amount.toPlainString(), null, cumulative.toPlainString()));
            }
            if (j == 0) {
                // March corrected upwards by 5 in mid-July: known now, not in a bulletin printed on 10 July.
                emit(events.recordedAt(shanghai(LocalDate.of(2022, 7, 15), 10)).investmentReported(p, code, unit,
                        month(3), String.valueOf(10L * k + 5), String.valueOf(10L * k), cumulative.add(BigDecimal.valueOf(5)).toPlainString()));
            }
        }
        String small = id();
        emit(events.projectRegistered(small, "S" + unit + "-SM", unit, "300", "PLANNED", LocalDate.of(2022, 1, 3)));
        emit(events.investmentReported(small, "S" + unit + "-SM", unit, month(1), "50", null, "50"));
        String cancelled = id();
        emit(events.projectRegistered(cancelled, "S" + unit + "-X", unit, "2000", "PLANNED", LocalDate.of(2022, 1, 3)));
        emit(events.planSet(cancelled, "S" + unit + "-X", unit, YEAR, "600", month(4), LocalDate.of(2022, 1, 5)));
        emit(events.stageChanged(cancelled, "S" + unit + "-X", unit, "PLANNED", "CANCELLED", LocalDate.of(2022, 3, 1)));
    }

    private void investment(String unit, int k) {
        for (int d = 0; d < k; d++) {
            String deal = id();
            String amount = String.valueOf(5000 * (d + 1));
            emit(events.dealSigned(deal, unit, amount, LocalDate.of(YEAR, d + 1, 10)));
            if (d == 0) {
                emit(events.contractAmended(deal, unit, amount, "6000", LocalDate.of(YEAR, 4, 1)));
                amount = "6000";
            }
            emit(events.fundsArrived(deal, unit, "1000", "1000", amount, LocalDate.of(YEAR, 6, 15)));
            emit(events.fundsArrived(deal, unit, "500", "1500", amount, LocalDate.of(YEAR, 7, 15)));
            if (d == k - 1 && k >= 4) {
                emit(events.dealStatusChanged(deal, unit, "SIGNED", "TERMINATED", LocalDate.of(YEAR, 6, 1)));
            }
        }
        for (int m = 1; m <= 6; m++) {
            emit(events.fixedAssetInvestment(unit, YearMonth.of(YEAR - 1, m), String.valueOf(1000 * k), null, null));
            emit(events.fixedAssetInvestment(unit, month(m), String.valueOf(1000 * k + 10 * m), null, null));
        }
    }

    private void livelihood(String unit, int k) {
        String estates = id();
        String centres = id();
        emit(events.programmeCreated(estates, "OE-" + unit, unit, "OLD_ESTATE_RENOVATION", "SQUARE_METRES", YEAR,
                String.valueOf(1000 * k), LocalDate.of(YEAR, 1, 4)));
        emit(events.programmeCreated(centres, "CC-" + unit, unit, "CARE_CENTRE", "PLACES", YEAR, "10",
                LocalDate.of(YEAR, 1, 4)));
        for (int m = 1; m <= 6; m++) {
            int area = 100 * (k + 1);
            emit(events.programmeProgress(estates, "OE-" + unit, unit, "OLD_ESTATE_RENOVATION", "SQUARE_METRES", month(m),
                    String.valueOf(area), null, String.valueOf(area * m), String.valueOf(1000 * k)));
            emit(events.programmeProgress(centres, "CC-" + unit, unit, "CARE_CENTRE", "PLACES", month(m), "2", null,
                    String.valueOf(2 * m), "10"));
            emit(events.assistance(unit, month(m), "MINIMUM_LIVING_ALLOWANCE", String.valueOf(100 * k), 50 * k, null, null));
            emit(events.employment(unit, month(m), 100 + k, null));
        }
        emit(events.recordedAt(shanghai(LocalDate.of(2022, 4, 2), 10)).assistance(unit, month(2),
                "MINIMUM_LIVING_ALLOWANCE", String.valueOf(120 * k), 60 * k, String.valueOf(100 * k), 50 * k));

        for (int i = 0; i < 10; i++) {
            String number = "12345-" + unit + "-" + i;
            OffsetDateTime received = shanghai(LocalDate.of(YEAR, 5, 1 + i), 9);
            emit(events.caseReceived(number, unit, received, received.plusHours(2), received.plusDays(5)));
            if (i < 9) {
                emit(events.caseAccepted(number, unit, received.plusHours(i < 8 ? 1 : 5), i < 8));
                emit(events.caseResolved(number, unit, received.plusDays(i < 6 ? 3 : 8), i < 7, i < 6));
                String answer = i == 8 ? "NO_ANSWER" : i < k + 3 ? "SATISFIED" : "UNSATISFIED";
                emit(events.caseFeedback(number, unit, received.plusDays(10), answer));
            }
        }
    }

    private void safety(String unit, int k) {
        for (int n = 0; n < 2 * k; n++) {
            emit(events.inspection(id(), unit, 0, LocalDate.of(YEAR, 1 + n % 6, 5)));
        }
        String inspection = id();
        for (int h = 0; h <= k; h++) {
            String hazard = id();
            String severity = h == 0 ? "MAJOR" : "GENERAL";
            LocalDate deadline = LocalDate.of(YEAR, 4, 30);
            emit(events.hazardFound(hazard, inspection, unit, severity, deadline, LocalDate.of(YEAR, 3, 1)));
            if (h < k - 1) {
                emit(events.hazardRectified(hazard, unit, severity, deadline, LocalDate.of(YEAR, 4, 20)));
                if (h == 0) {
                    emit(events.hazardVerified(hazard, unit, severity, true, LocalDate.of(YEAR, 5, 1)));
                }
            }
        }
    }

    // ---- what the KPIs must say ----------------------------------------------------------------

    /** Expected numerator/denominator per KPI for unit k, for the year (quarter = false) or 2022Q2. */
    static Map<String, Expected> expected(int k, boolean quarter, boolean knownBeforeCorrections) {
        Map<String, Expected> e = new HashMap<>();
        int keyProjects = k + 2;
        e.put("projects.registered", Expected.of(keyProjects));
        e.put("projects.planned", Expected.of(keyProjects));
        // Project j starts on the 15th of month j + 2 (j < k): February to June.
        e.put("projects.started", Expected.of(quarter ? Math.max(0, k - 2) : k));
        e.put("projects.start-rate", Expected.ratio(k, k + 1));
        e.put("projects.completed", Expected.of(k >= 2 ? 1 : 0));
        e.put("projects.in-production", Expected.of(k >= 3 ? 1 : 0));
        // Statistical registration of project j on the 1st of month j + 3 (j < k): March to July.
        e.put("projects.stat-registered", Expected.of(quarter ? count(k, j -> j + 3 >= 4 && j + 3 <= 6)
                : count(k, j -> j + 3 <= 6)));
        long monthly = 0;
        for (int j = 0; j < keyProjects; j++) {
            monthly += 10L * k + j;
        }
        int months = quarter ? 3 : 6;
        long invested = monthly * months + (!quarter && !knownBeforeCorrections ? 5 : 0);
        e.put("projects.investment-completed", Expected.of(invested));
        // Plans of 1,200 a year, evenly phased: 300 a quarter.
        e.put("projects.investment-completion-rate", Expected.ratio(invested, (quarter ? 300L : 1200L) * keyProjects));

        int signedInPeriod = quarter ? count(k, d -> d + 1 >= 4) : k;
        e.put("investment.deals-signed", Expected.of(signedInPeriod));
        long amount = 0;
        for (int d = 0; d < k; d++) {
            if (!quarter || d + 1 >= 4) {
                amount += d == 0 ? 6000 : 5000L * (d + 1);
            }
        }
        e.put("investment.deals-signed-amount", Expected.of(amount));
        e.put("investment.deals-over-100m", Expected.of(quarter ? signedInPeriod : k - 1));
        e.put("investment.funds-arrived", Expected.of(1000L * k));
        long aliveAmount = 0;
        int alive = 0;
        for (int d = 0; d < k; d++) {
            if (d == k - 1 && k >= 4) {
                continue;
            }
            alive++;
            aliveAmount += d == 0 ? 6000 : 5000L * (d + 1);
        }
        e.put("investment.funds-arrival-rate", Expected.ratio(1000L * alive, aliveAmount));
        long fai = 0;
        long faiLastYear = 0;
        for (int m = quarter ? 4 : 1; m <= 6; m++) {
            fai += 1000L * k + 10L * m;
            faiLastYear += 1000L * k;
        }
        e.put("investment.fixed-asset-investment", Expected.of(fai));
        e.put("investment.fixed-asset-investment-growth", Expected.ratio(fai, faiLastYear));

        e.put("livelihood.old-estate-renovation-area", Expected.of(100L * (k + 1) * months));
        e.put("livelihood.programme-completion-rate", Expected.ratio(k == 1 ? 2 : 1, 2));
        long assistance = 100L * k * months + (quarter ? 0 : 20L * k);
        e.put("livelihood.assistance-amount", Expected.of(assistance));
        e.put("livelihood.assistance-beneficiaries", Expected.of(50L * k * months + (quarter ? 0 : 10L * k)));
        e.put("livelihood.new-urban-jobs", Expected.of((100L + k) * months));
        e.put("livelihood.hotline-response-rate", Expected.ratio(8, 10));
        e.put("livelihood.hotline-resolution-rate", Expected.ratio(7, 9));
        e.put("livelihood.hotline-on-time-rate", Expected.ratio(6, 10));
        e.put("livelihood.hotline-satisfaction-rate", Expected.ratio(k + 3, 8));

        e.put("safety.inspections", Expected.of(quarter ? count(2 * k, n -> n % 6 >= 3) : 2L * k));
        e.put("safety.hazards-found", Expected.of(quarter ? 0 : k + 1));
        e.put("safety.hazard-rectification-rate", quarter ? Expected.ratio(0, 0) : Expected.ratio(k - 1, k + 1));
        e.put("safety.hazards-overdue", Expected.of(2));
        e.put("safety.major-hazards-open", Expected.of(k == 1 ? 1 : 0));
        return e;
    }

    private static int count(int n, java.util.function.IntPredicate test) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (test.test(i)) {
                c++;
            }
        }
        return c;
    }
}
