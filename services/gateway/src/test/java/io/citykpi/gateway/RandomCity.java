package io.citykpi.gateway;

import static io.citykpi.gateway.DomainEvents.shanghai;

import io.citykpi.shared.event.CloudEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A random city over two years: every domain's records with the lives they can have (corrections,
 * cancellations, moves, extensions, rework, terminated deals...), recorded at random moments after they
 * happened. {@link #arrivalOrder} mixes the order in which they reach the gateway, so some arrive after
 * facts recorded later than they were (late arrivals), some twice (re-deliveries). Deterministic per seed.
 * Every event is recorded at a distinct moment, so the order of recording never depends on arrival.
 */
public final class RandomCity {

    public static final List<String> UNITS = List.of("220402", "220403", "220421", "220422", "220471");
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int firstYear;

    private final Random random;
    private final DomainEvents events = new DomainEvents();
    private final List<CloudEvent> out = new ArrayList<>();
    /** Records whose stocks would last beyond the city's years: closed afterwards (see {@link #events}). */
    private final List<String[]> projects = new ArrayList<>();
    private final List<String[]> hazards = new ArrayList<>();
    private long tick;

    /** A city over 2024–2025. */
    public RandomCity(long seed) {
        this(seed, 2024);
    }

    /** A city over {@code firstYear} and the year after (fixed-asset investment from the year before). */
    public RandomCity(long seed, int firstYear) {
        random = new Random(seed);
        this.firstYear = firstYear;
        firstDay = LocalDate.of(firstYear, 1, 1);
        lastDay = LocalDate.of(firstYear + 1, 12, 31);
    }

    public int firstYear() {
        return firstYear;
    }

    /** Roughly {@code size} events across the four domains, in recording order. */
    public List<CloudEvent> events(int size) {
        int budget = size;
        while (out.size() < budget) {
            int pick = random.nextInt(100);
            if (pick < 40) {
                hotlineCase();
            } else if (pick < 55) {
                hazard();
            } else if (pick < 62) {
                inspection();
            } else if (pick < 74) {
                project();
            } else if (pick < 80) {
                deal();
            } else if (pick < 85) {
                fai();
            } else if (pick < 90) {
                programme();
            } else if (pick < 95) {
                assistance();
            } else {
                employment();
            }
        }
        closeEverything(lastDay.plusDays(40));
        List<CloudEvent> sorted = new ArrayList<>(out);
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        return sorted;
    }

    /**
     * After the city's years every project leaves the register and every hazard is closed, so that its
     * stocks do not run on into the years other tests of the same database write to.
     */
    private void closeEverything(LocalDate day) {
        for (String[] p : projects) {
            at(day, 0);
            add(events.stageChanged(p[0], p[1], p[2], "PLANNED", "CANCELLED", day));
        }
        for (String[] h : hazards) {
            at(day, 0);
            add(events.hazardRectified(h[0], h[1], h[2], day, day));
            at(day, 0);
            add(events.hazardVerified(h[0], h[1], h[2], true, day));
        }
    }

    /**
     * The order the events reach the gateway: recording order, except that some are held back and sent
     * a little later (late arrivals) and some are sent twice.
     */
    public List<CloudEvent> arrivalOrder(List<CloudEvent> recorded) {
        List<CloudEvent> order = new ArrayList<>(recorded);
        for (int i = 0; i < order.size(); i++) {
            if (random.nextInt(100) < 8) {
                int later = Math.min(order.size() - 1, i + 1 + random.nextInt(40));
                Collections.swap(order, i, later);
            }
        }
        List<CloudEvent> withDuplicates = new ArrayList<>(order.size() + order.size() / 20);
        for (CloudEvent event : order) {
            withDuplicates.add(event);
            if (random.nextInt(100) < 4) {
                withDuplicates.add(event);
            }
        }
        return withDuplicates;
    }

    // ---- projects ------------------------------------------------------------------------------

    private void project() {
        String id = UUID.randomUUID().toString();
        String code = "R-" + (out.size() + 1);
        String unit = unit();
        String total = pick("300", "800", "5000", "20000", "150000");
        LocalDate registered = day(firstDay, LocalDate.of(firstYear + 1, 9, 30));
        boolean alreadyBuilding = random.nextInt(10) == 0;
        projects.add(new String[] {id, code, unit});
        at(registered, 3);
        add(events.projectRegistered(id, code, unit, total, alreadyBuilding ? "UNDER_CONSTRUCTION" : "PLANNED", registered));
        for (int year = firstYear; year <= firstYear + 1; year++) {
            if (random.nextInt(3) > 0) {
                LocalDate adopted = later(registered, 40);
                YearMonth start = random.nextInt(4) == 0 ? null : YearMonth.of(year, 1 + random.nextInt(12));
                at(adopted, 2);
                add(events.planSet(id, code, unit, year, pick("600", "1200", "9000"), start, adopted));
            }
        }
        String currentUnit = unit;
        String currentTotal = total;
        LocalDate day = registered;
        String stage = alreadyBuilding ? "UNDER_CONSTRUCTION" : "PLANNED";
        List<String> path = alreadyBuilding ? List.of("COMPLETED", "IN_PRODUCTION")
                : List.of("PREPARATION", "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION");
        int steps = random.nextInt(path.size() + 1);
        for (int s = 0; s < steps; s++) {
            day = later(day, 90);
            if (day.isAfter(lastDay)) {
                break;
            }
            if (random.nextInt(12) == 0 && !stage.equals("COMPLETED") && !stage.equals("IN_PRODUCTION")) {
                at(day, 2);
                add(events.stageChanged(id, code, currentUnit, stage, "CANCELLED", day));
                stage = "CANCELLED";
                break;
            }
            at(day, 2);
            add(events.stageChanged(id, code, currentUnit, stage, path.get(s), day));
            stage = path.get(s);
        }
        if (random.nextInt(8) == 0) {
            LocalDate moved = later(registered, 200);
            String to = unit();
            at(moved, 2);
            add(events.projectMoved(id, code, currentUnit, to, moved));
            currentUnit = to;
            projects.get(projects.size() - 1)[2] = to;
        }
        if (random.nextInt(8) == 0) {
            LocalDate changed = later(registered, 200);
            String to = pick("450", "700", "12000");
            at(changed, 2);
            add(events.totalInvestmentChanged(id, code, currentUnit, currentTotal, to, changed));
            currentTotal = to;
        }
        if (random.nextInt(2) == 0) {
            LocalDate stat = later(registered, 120);
            at(stat, 5);
            add(events.statRegistered(id, code, currentUnit, stat, null));
            if (random.nextInt(4) == 0) {
                LocalDate corrected = later(stat.minusDays(60), 120);
                at(stat.plusDays(30), 30);
                add(events.statRegistered(id, code, currentUnit, corrected, stat));
            }
        }
        YearMonth month = YearMonth.from(registered);
        BigDecimal cumulative = BigDecimal.ZERO;
        while (!month.isAfter(YearMonth.from(lastDay)) && random.nextInt(12) > 0) {
            String amount = amount(50, 900);
            cumulative = cumulative.add(new BigDecimal(amount));
            at(month.atEndOfMonth(), 6);
            add(events.investmentReported(id, code, currentUnit, month, amount, null, cumulative.toPlainString()));
            if (random.nextInt(7) == 0) {
                at(month.atEndOfMonth().plusDays(10), 60);
                add(events.investmentReported(id, code, currentUnit, month, amount(0, 900), amount, cumulative.toPlainString()));
            }
            month = month.plusMonths(1);
        }
    }

    // ---- investment ----------------------------------------------------------------------------

    private void deal() {
        String id = UUID.randomUUID().toString();
        String unit = unit();
        String contract = pick("3000", "12000", "50000");
        LocalDate signed = day(firstDay, LocalDate.of(firstYear + 1, 11, 30));
        at(signed, 3);
        add(events.dealSigned(id, unit, contract, signed));
        BigDecimal arrived = BigDecimal.ZERO;
        String amount = contract;
        LocalDate day = signed;
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            day = later(day, 80);
            if (day.isAfter(lastDay)) {
                break;
            }
            int what = random.nextInt(10);
            if (what < 6) {
                String part = amount(100, 2000);
                arrived = arrived.add(new BigDecimal(part));
                at(day, 3);
                add(events.fundsArrived(id, unit, part, arrived.toPlainString(), amount, day));
            } else if (what < 8) {
                String next = pick("8000", "15000", "60000");
                at(day, 3);
                add(events.contractAmended(id, unit, amount, next, day));
                amount = next;
            } else {
                at(day, 3);
                add(events.dealStatusChanged(id, unit, "SIGNED", pick("STARTED", "TERMINATED", "IN_PRODUCTION"), day));
            }
        }
    }

    private void fai() {
        String unit = unit();
        YearMonth month = YearMonth.of(firstYear - 1 + random.nextInt(3), 1 + random.nextInt(12));
        String amount = amount(1000, 90000);
        String lastYear = random.nextInt(3) == 0 ? amount(1000, 90000) : null;
        at(month.atEndOfMonth(), 8);
        add(events.fixedAssetInvestment(unit, month, amount, null, lastYear));
        if (random.nextInt(5) == 0) {
            at(month.atEndOfMonth().plusDays(15), 40);
            add(events.fixedAssetInvestment(unit, month, amount(1000, 90000), amount, lastYear));
        }
    }

    // ---- livelihood ----------------------------------------------------------------------------

    private void programme() {
        String id = UUID.randomUUID().toString();
        String code = "M-" + (out.size() + 1);
        String unit = unit();
        int year = firstYear + random.nextInt(2);
        boolean estates = random.nextInt(2) == 0;
        String category = estates ? "OLD_ESTATE_RENOVATION" : "AGE_FRIENDLY_RETROFIT";
        String measure = estates ? "SQUARE_METRES" : "HOUSEHOLDS";
        String planned = pick("1000", "5000", "20000");
        LocalDate adopted = day(LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30));
        at(adopted, 3);
        add(events.programmeCreated(id, code, unit, category, measure, year, planned, adopted));
        BigDecimal done = BigDecimal.ZERO;
        for (int m = adopted.getMonthValue(); m <= 12; m++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            YearMonth month = YearMonth.of(year, m);
            String quantity = amount(100, 4000);
            done = done.add(new BigDecimal(quantity));
            String plan = random.nextInt(10) == 0 ? pick("3000", "8000") : planned;
            at(month.atEndOfMonth(), 6);
            add(events.programmeProgress(id, code, unit, category, measure, month, quantity, null, done.toPlainString(), plan));
            if (random.nextInt(6) == 0) {
                at(month.atEndOfMonth().plusDays(12), 40);
                add(events.programmeProgress(id, code, unit, category, measure, month, amount(0, 4000), quantity,
                        done.toPlainString(), plan));
            }
        }
    }

    private void assistance() {
        String unit = unit();
        YearMonth month = YearMonth.of(firstYear + random.nextInt(2), 1 + random.nextInt(12));
        String category = pick("MINIMUM_LIVING_ALLOWANCE", "EXTREME_POVERTY_SUPPORT", "TEMPORARY_ASSISTANCE");
        String amount = amount(10, 500);
        int times = 10 + random.nextInt(500);
        at(month.atEndOfMonth(), 12);
        add(events.assistance(unit, month, category, amount, times, null, null));
        if (random.nextInt(5) == 0) {
            at(month.atEndOfMonth().plusDays(20), 30);
            add(events.assistance(unit, month, category, amount(10, 500), times + 3, amount, times));
        }
    }

    private void employment() {
        String unit = unit();
        YearMonth month = YearMonth.of(firstYear + random.nextInt(2), 1 + random.nextInt(12));
        int jobs = 50 + random.nextInt(900);
        at(month.atEndOfMonth(), 12);
        add(events.employment(unit, month, jobs, null));
        if (random.nextInt(5) == 0) {
            at(month.atEndOfMonth().plusDays(20), 30);
            add(events.employment(unit, month, jobs + random.nextInt(50) - 25, jobs));
        }
    }

    private void hotlineCase() {
        String number = "12345-" + UUID.randomUUID().toString().substring(0, 13);
        String unit = unit();
        OffsetDateTime received = moment(day(firstDay, lastDay));
        OffsetDateTime responseDue = received.plusDays(1);
        OffsetDateTime due = received.plusDays(3 + random.nextInt(18));
        add(events.recordedAt(unique(received.plusMinutes(random.nextInt(120))))
                .caseReceived(number, unit, received, responseDue, due));
        if (random.nextInt(10) == 0) {
            return;
        }
        OffsetDateTime accepted = received.plusHours(random.nextInt(40));
        add(events.recordedAt(unique(accepted.plusMinutes(random.nextInt(60)))).caseAccepted(number, unit, accepted,
                !accepted.isAfter(responseDue)));
        OffsetDateTime at = accepted;
        for (int round = 0; round < 3 && random.nextInt(5) > 0; round++) {
            at = at.plusHours(2 + random.nextInt(24 * 15));
            add(events.recordedAt(unique(at.plusMinutes(random.nextInt(600)))).caseResolved(number, unit, at,
                    random.nextInt(8) > 0, !at.isAfter(due)));
            if (random.nextInt(10) < 7) {
                at = at.plusHours(1 + random.nextInt(72));
                add(events.recordedAt(unique(at.plusMinutes(random.nextInt(600)))).caseFeedback(number, unit, at,
                        pick("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "NO_ANSWER")));
            }
            if (random.nextInt(6) > 0) {
                break;
            }
            at = at.plusHours(1 + random.nextInt(48));
            add(events.recordedAt(unique(at.plusMinutes(random.nextInt(600)))).caseSentBack(number, unit, at));
        }
    }

    // ---- safety --------------------------------------------------------------------------------

    private void inspection() {
        String id = UUID.randomUUID().toString();
        LocalDate day = day(firstDay, lastDay);
        at(day, 3);
        add(events.inspection(id, unit(), random.nextInt(3), day));
    }

    private void hazard() {
        String id = UUID.randomUUID().toString();
        String unit = unit();
        String severity = random.nextInt(5) == 0 ? "MAJOR" : "GENERAL";
        LocalDate found = day(firstDay, lastDay);
        LocalDate deadline = found.plusDays(5 + random.nextInt(60));
        hazards.add(new String[] {id, unit, severity});
        at(found, 3);
        add(events.hazardFound(id, UUID.randomUUID().toString(), unit, severity, deadline, found));
        if ("MAJOR".equals(severity) && random.nextInt(2) == 0) {
            LocalDate listed = later(found, 10);
            at(listed, 2);
            add(events.hazardListed(id, unit, listed));
        }
        if (random.nextInt(7) == 0) {
            LocalDate decided = later(found, 30);
            LocalDate extended = deadline.plusDays(10 + random.nextInt(40));
            at(decided, 3);
            add(events.extensionDecided(id, unit, deadline, extended, decided));
            deadline = extended;
        }
        LocalDate day = found;
        for (int round = 0; round < 2 && random.nextInt(10) < 7; round++) {
            day = later(day, 70);
            at(day, 3);
            add(events.hazardRectified(id, unit, severity, deadline, day));
            if (random.nextInt(3) == 0) {
                break;
            }
            day = later(day, 15);
            boolean passed = random.nextInt(5) > 0;
            at(day, 3);
            add(events.hazardVerified(id, unit, severity, passed, day));
            if (passed) {
                break;
            }
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private void add(CloudEvent event) {
        out.add(event);
    }

    /** The next event is recorded on a day up to {@code maxDelayDays} after it happened, at a distinct moment. */
    private void at(LocalDate effective, int maxDelayDays) {
        events.recordedAt(unique(shanghai(effective.plusDays(random.nextInt(maxDelayDays + 1)), 8 + random.nextInt(12))));
    }

    private OffsetDateTime unique(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).plusNanos(1_000_000L * (++tick % 1000) + tick / 1000 * 1000);
    }

    private OffsetDateTime moment(LocalDate day) {
        return shanghai(day, 0).plusMinutes(random.nextInt(24 * 60));
    }

    private String unit() {
        return UNITS.get(random.nextInt(UNITS.size()));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private LocalDate day(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    private LocalDate later(LocalDate day, int maxDays) {
        return day.plusDays(1 + random.nextInt(maxDays));
    }

    private String amount(int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1)).movePointLeft(2)
                .setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
