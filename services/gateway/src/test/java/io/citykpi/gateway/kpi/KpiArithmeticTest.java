package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.Assessment;
import io.citykpi.gateway.assessment.Ranking;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.assessment.StatusRule;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.reference.KpiEngine;
import static io.citykpi.gateway.DomainEvents.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.investment.InvestmentMeasures;
import io.citykpi.gateway.livelihood.LivelihoodMeasures;
import io.citykpi.gateway.projects.ProjectMeasures;
import io.citykpi.gateway.safety.SafetyMeasures;
import io.citykpi.gateway.targets.TargetCurve;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The KPI arithmetic against tables computed by hand. */
class KpiArithmeticTest {

    static final String CITY = "220400";
    static final String LONGSHAN = "220402";
    static final String XIAN = "220403";
    static final String DONGFENG = "220421";
    static final String DONGLIAO = "220422";
    static final String ZONE = "220471";

    static final StatusRule RULE = KpiCatalogueFixture.RULE;

    final DomainEvents events = new DomainEvents();
    final List<Fact> facts = new ArrayList<>();
    final KpiCatalogue catalogue = catalogue();
    final KpiEngine engine = new KpiEngine(catalogue.all(), OrgUnitRegistry.bundled(),
            List.of(new ProjectMeasures(), new InvestmentMeasures(), new LivelihoodMeasures(), new SafetyMeasures()));

    static KpiCatalogue catalogue() {
        return KpiCatalogueFixture.catalogue();
    }

    void add(io.citykpi.shared.event.CloudEvent event) {
        facts.add(events.fact(event));
    }

    BigDecimal value(String kpiId, String orgUnit, String period, LocalDate asOf) {
        return value(kpiId, orgUnit, period, asOf, null);
    }

    BigDecimal value(String kpiId, String orgUnit, String period, LocalDate asOf, OffsetDateTime knownAt) {
        List<Fact> known = facts.stream().filter(f -> knownAt == null || !f.recordedAt().isAfter(knownAt)).toList();
        Window window = new Window(Period.parse(period).orElseThrow(), asOf);
        return engine.compute(known, window).get(kpiId, orgUnit).value(catalogue.find(kpiId).orElseThrow());
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static void assertValue(String expected, BigDecimal actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    // ---- roll-up -------------------------------------------------------------------------------

    @Test
    void aRatioRollsUpAsTheSumOfNumeratorsOverTheSumOfDenominatorsNotTheMeanOfRates() {
        // 东丰县: 9 of 10 valid answers satisfied = 90%; 东辽县: 1 of 2 = 50%.
        // The city: 10 of 12 = 83.33%, not (90 + 50) / 2 = 70%.
        LocalDate day = LocalDate.of(2025, 5, 6);
        for (int i = 0; i < 10; i++) {
            feedback(DONGFENG, day, i < 9 ? "SATISFIED" : "UNSATISFIED");
        }
        feedback(DONGFENG, day, "NO_ANSWER"); // not a valid answer: in neither numerator nor denominator
        feedback(DONGLIAO, day, "BASICALLY_SATISFIED");
        feedback(DONGLIAO, day, "UNSATISFIED");

        LocalDate asOf = LocalDate.of(2025, 6, 30);
        assertValue("90.00", value("livelihood.hotline-satisfaction-rate", DONGFENG, "2025", asOf));
        assertValue("50.00", value("livelihood.hotline-satisfaction-rate", DONGLIAO, "2025", asOf));
        assertValue("83.33", value("livelihood.hotline-satisfaction-rate", CITY, "2025", asOf));
        assertValue(null, value("livelihood.hotline-satisfaction-rate", XIAN, "2025", asOf));
    }

    private void feedback(String orgUnit, LocalDate day, String answer) {
        String number = "12345-" + id().substring(0, 8);
        OffsetDateTime received = shanghai(day, 9);
        add(events.caseReceived(number, orgUnit, received, received.plusHours(2), received.plusDays(5)));
        add(events.caseResolved(number, orgUnit, received.plusDays(1), true, true));
        add(events.caseFeedback(number, orgUnit, received.plusDays(2), answer));
    }

    @Test
    void countsAndSumsAddUpFromDistrictsToTheCity() {
        for (String unit : List.of(LONGSHAN, LONGSHAN, DONGFENG, ZONE)) {
            String deal = id();
            add(events.dealSigned(deal, unit, "12000.50", LocalDate.of(2025, 3, 3)));
        }
        LocalDate asOf = LocalDate.of(2025, 12, 31);
        assertValue("4", value("investment.deals-signed", CITY, "2025", asOf));
        assertValue("2", value("investment.deals-signed", LONGSHAN, "2025", asOf));
        assertValue("48002.00", value("investment.deals-signed-amount", CITY, "2025", asOf));
        assertValue("0", value("investment.deals-signed", XIAN, "2025", asOf));
    }

    // ---- stocks and flows ----------------------------------------------------------------------

    @Test
    void aStockIsReadOnTheCutOffWhileAFlowAddsUpInsideThePeriod() {
        String project = id();
        add(events.projectRegistered(project, "LS-001", LONGSHAN, "20000", "PLANNED", LocalDate.of(2024, 11, 5)));
        for (int month = 1; month <= 6; month++) {
            add(events.investmentReported(project, "LS-001", LONGSHAN, YearMonth.of(2025, month), "100", null,
                    String.valueOf(month * 100)));
        }
        // The register is a stock: a 2024 project is on it in any 2025 period.
        assertValue("1", value("projects.registered", LONGSHAN, "2025Q2", LocalDate.of(2025, 6, 30)));
        assertValue("1", value("projects.registered", LONGSHAN, "2025-01", LocalDate.of(2025, 6, 30)));
        assertValue("0", value("projects.registered", LONGSHAN, "2024", LocalDate.of(2024, 11, 4)));
        // Investment is a flow: the months of the period that are over by the cut-off.
        assertValue("600", value("projects.investment-completed", LONGSHAN, "2025", LocalDate.of(2025, 6, 30)));
        assertValue("300", value("projects.investment-completed", LONGSHAN, "2025Q2", LocalDate.of(2025, 12, 31)));
        assertValue("100", value("projects.investment-completed", LONGSHAN, "2025-05", LocalDate.of(2025, 12, 31)));
        assertValue("500", value("projects.investment-completed", LONGSHAN, "2025", LocalDate.of(2025, 6, 15)));
        assertValue("0", value("projects.investment-completed", LONGSHAN, "2025Q3", LocalDate.of(2025, 12, 31)));
    }

    @Test
    void overdueHazardsAreAStockThatFollowsDeadlinesExtensionsAndFailedVerifications() {
        String a = id();
        String b = id();
        String c = id();
        String inspection = id();
        LocalDate found = LocalDate.of(2025, 3, 1);
        add(events.hazardFound(a, inspection, DONGFENG, "MAJOR", LocalDate.of(2025, 3, 31), found));
        add(events.hazardFound(b, inspection, DONGFENG, "GENERAL", LocalDate.of(2025, 3, 31), found));
        add(events.extensionDecided(b, DONGFENG, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 5, 31),
                LocalDate.of(2025, 3, 20)));
        add(events.hazardFound(c, inspection, DONGLIAO, "GENERAL", LocalDate.of(2025, 3, 15), found));
        add(events.hazardRectified(c, DONGLIAO, "GENERAL", LocalDate.of(2025, 3, 15), LocalDate.of(2025, 3, 10)));
        add(events.hazardVerified(c, DONGLIAO, "GENERAL", false, LocalDate.of(2025, 4, 2)));

        // 10 April: a is past its deadline; b was extended to 31 May; c failed verification and is past 15 March.
        assertValue("1", value("safety.hazards-overdue", DONGFENG, "2025", LocalDate.of(2025, 4, 10)));
        assertValue("1", value("safety.hazards-overdue", DONGLIAO, "2025", LocalDate.of(2025, 4, 10)));
        assertValue("0", value("safety.hazards-overdue", DONGLIAO, "2025", LocalDate.of(2025, 4, 1)));
        assertValue("2", value("safety.hazards-overdue", DONGFENG, "2025", LocalDate.of(2025, 6, 1)));
        assertValue("1", value("safety.major-hazards-open", CITY, "2025", LocalDate.of(2025, 6, 1)));
        // Rectification rate of hazards found in the year: only c was rectified, then reopened.
        assertValue("33.33", value("safety.hazard-rectification-rate", CITY, "2025", LocalDate.of(2025, 3, 31)));
        assertValue("0.00", value("safety.hazard-rectification-rate", CITY, "2025", LocalDate.of(2025, 4, 2)));
    }

    // ---- corrections, asOf and knownAt ---------------------------------------------------------

    @Test
    void aCorrectionReplacesTheValueItCorrects() {
        add(events.fixedAssetInvestment(XIAN, YearMonth.of(2025, 5), "1200", null, "1000"));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 6, 20), 10))
                .fixedAssetInvestment(XIAN, YearMonth.of(2025, 5), "1100", "1200", "1000"));
        assertValue("1100", value("investment.fixed-asset-investment", XIAN, "2025", LocalDate.of(2025, 6, 30)));
        assertValue("10.00", value("investment.fixed-asset-investment-growth", XIAN, "2025", LocalDate.of(2025, 6, 30)));
        assertValue("1100", value("investment.fixed-asset-investment", CITY, "2025-05", LocalDate.of(2025, 6, 30)));
    }

    @Test
    void asOfAndKnownAtGiveDifferentAnswersForALateCorrection() {
        String project = id();
        add(events.projectRegistered(project, "DL-007", DONGLIAO, "8000", "UNDER_CONSTRUCTION", LocalDate.of(2025, 1, 2)));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 6, 5), 10))
                .investmentReported(project, "DL-007", DONGLIAO, YearMonth.of(2025, 5), "100", null, "100"));
        // Reported as 100 in early June; corrected to 80 in August, still about May.
        add(events.recordedAt(shanghai(LocalDate.of(2025, 8, 10), 10))
                .investmentReported(project, "DL-007", DONGLIAO, YearMonth.of(2025, 5), "80", "100", "80"));

        LocalDate june30 = LocalDate.of(2025, 6, 30);
        // As of 30 June, with everything known now: May was 80.
        assertValue("80", value("projects.investment-completed", DONGLIAO, "2025", june30));
        // The bulletin printed on 1 July knew only the first report: 100.
        assertValue("100", value("projects.investment-completed", DONGLIAO, "2025", june30,
                shanghai(LocalDate.of(2025, 7, 1), 9)));
        // Before the report was recorded, nothing was known.
        assertValue("0", value("projects.investment-completed", DONGLIAO, "2025", june30,
                shanghai(LocalDate.of(2025, 6, 1), 9)));
    }

    @Test
    void aCorrectedStatisticalRegistrationDateMovesTheProjectOutOfThePeriod() {
        String project = id();
        add(events.projectRegistered(project, "ZN-002", ZONE, "5000", "PLANNED", LocalDate.of(2025, 1, 10)));
        add(events.statRegistered(project, "ZN-002", ZONE, LocalDate.of(2025, 5, 10), null));
        assertValue("1", value("projects.stat-registered", ZONE, "2025Q2", LocalDate.of(2025, 6, 30)));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 7, 20), 9))
                .statRegistered(project, "ZN-002", ZONE, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 5, 10)));
        assertValue("0", value("projects.stat-registered", ZONE, "2025Q2", LocalDate.of(2025, 6, 30)));
        assertValue("1", value("projects.stat-registered", ZONE, "2025Q3", LocalDate.of(2025, 9, 30)));
    }

    // ---- time progress, phased targets, status ---------------------------------------------------

    @Test
    void timeProgressOnThe30thOfJuneIs181DaysOf365() {
        KpiDefinition investment = catalogue.find("projects.investment-completed").orElseThrow();
        TargetCurve target = TargetCurve.of(2025, new BigDecimal("209000"), Map.of());
        Window window = new Window(Period.year(2025), LocalDate.of(2025, 6, 30));

        Assessment a = Assessment.assess(investment, new BigDecimal("100000"), target, window, RULE);

        assertValue("49.59", a.timeProgress()); // 181 / 365 = 49.589%
        assertValue("47.85", a.completionRate()); // 100000 / 209000
        assertValue("-1.74", a.gapPoints());
        assertEquals(Status.ON_TRACK, a.status());
        assertEquals("欠时间进度 1.7 个百分点", a.gapText(investment));
        // A leap year counts 366 days: 30 June 2024 is day 182.
        assertValue("49.73", Assessment.assess(investment, BigDecimal.ONE, TargetCurve.of(2024, BigDecimal.TEN, Map.of()),
                new Window(Period.year(2024), LocalDate.of(2024, 6, 30)), RULE).timeProgress());
    }

    @Test
    void aFlowTargetIsPhasedIntoQuartersAndMonths() {
        KpiDefinition investment = catalogue.find("projects.investment-completed").orElseThrow();
        TargetCurve target = TargetCurve.of(2025, new BigDecimal("36500"), Map.of());
        // Q2 (91 days) of an even 36,500 a year expects 9,100; half-way through May: 30 + 15 = 45 days.
        Assessment q2 = Assessment.assess(investment, new BigDecimal("4550"), target,
                new Window(Period.parse("2025Q2").orElseThrow(), LocalDate.of(2025, 5, 15)), RULE);
        assertValue("9100.00", q2.target());
        assertValue("50.00", q2.completionRate());
        assertValue("49.45", q2.timeProgress()); // 45 / 91
        assertEquals(Status.ON_TRACK, q2.status());
    }

    @Test
    void aTimePhasedStartRateTargetComparesWithThePlanUpToThatDate() {
        // 高新区: 11 new projects planned to start in 2025; target "Q1 ≥ 50%, Q2 100%".
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String project = id();
            projects.add(project);
            add(events.projectRegistered(project, "GX-" + i, ZONE, "3000", "PLANNED", LocalDate.of(2025, 1, 5)));
            add(events.planSet(project, "GX-" + i, ZONE, 2025, "1200", YearMonth.of(2025, i < 6 ? 3 : 5),
                    LocalDate.of(2025, 1, 10)));
        }
        for (int i = 0; i < 9; i++) {
            LocalDate started = i < 5 ? LocalDate.of(2025, 3, 20) : LocalDate.of(2025, 5, 20);
            add(events.stageChanged(projects.get(i), "GX-" + i, ZONE, "PLANNED", "UNDER_CONSTRUCTION", started));
        }
        KpiDefinition startRate = catalogue.find("projects.start-rate").orElseThrow();
        Map<LocalDate, BigDecimal> phasing = new LinkedHashMap<>();
        phasing.put(LocalDate.of(2025, 3, 31), new BigDecimal("50"));
        phasing.put(LocalDate.of(2025, 6, 30), new BigDecimal("100"));
        TargetCurve target = TargetCurve.of(2025, new BigDecimal("100"), phasing);

        LocalDate q1End = LocalDate.of(2025, 3, 31);
        BigDecimal atQ1 = value("projects.start-rate", ZONE, "2025", q1End);
        assertValue("45.45", atQ1); // 5 of 11
        Assessment q1 = Assessment.assess(startRate, atQ1, target, new Window(Period.year(2025), q1End), RULE);
        assertValue("50.00", q1.timeProgress());
        assertValue("-4.55", q1.gapPoints());
        assertEquals(Status.ON_TRACK, q1.status());

        LocalDate q2End = LocalDate.of(2025, 6, 30);
        BigDecimal atQ2 = value("projects.start-rate", ZONE, "2025", q2End);
        assertValue("81.82", atQ2); // 9 of 11
        Assessment q2 = Assessment.assess(startRate, atQ2, target, new Window(Period.year(2025), q2End), RULE);
        assertValue("100.00", q2.timeProgress());
        assertEquals(Status.BEHIND, q2.status());

        // Between checkpoints the plan rises in a straight line: 14 Feb is 45 of Q1's 90 days -> 25%.
        assertValue("25.00", Assessment.assess(startRate, BigDecimal.ZERO, target,
                new Window(Period.year(2025), LocalDate.of(2025, 2, 14)), RULE).timeProgress());
        // In the quarter's own view the Q1 target is the checkpoint: 45.45 of 50 = 90.9%.
        Assessment ownQuarter = Assessment.assess(startRate, atQ1, target,
                new Window(Period.parse("2025Q1").orElseThrow(), q1End), RULE);
        assertValue("50.00", ownQuarter.target());
        assertValue("90.90", ownQuarter.completionRate());
        assertEquals(Status.BEHIND, ownQuarter.status());
    }

    @Test
    void aCeilingTargetIsMetByStayingUnderIt() {
        KpiDefinition overdue = catalogue.find("safety.hazards-overdue").orElseThrow();
        TargetCurve zero = TargetCurve.of(2025, BigDecimal.ZERO, Map.of());
        Window window = new Window(Period.year(2025), LocalDate.of(2025, 6, 30));
        assertEquals(Status.ON_TRACK, Assessment.assess(overdue, BigDecimal.ZERO, zero, window, RULE).status());
        assertEquals(Status.BEHIND, Assessment.assess(overdue, BigDecimal.ONE, zero, window, RULE).status());
        assertEquals(Status.NO_TARGET, Assessment.assess(overdue, BigDecimal.ONE, null, window, RULE).status());
    }

    @Test
    void theSumOfDistrictTargetsIsTheCityTarget() {
        TargetCurve a = TargetCurve.of(2025, new BigDecimal("100"), Map.of(LocalDate.of(2025, 6, 30), new BigDecimal("80")));
        TargetCurve b = TargetCurve.of(2025, new BigDecimal("50"), Map.of());
        TargetCurve city = TargetCurve.sum(List.of(a, b));
        assertValue("150", city.annual());
        // 30 June: a expects 80, b expects 50 × 181/365 = 24.79
        assertEquals(0, city.expectedBy(LocalDate.of(2025, 6, 30)).setScale(2, java.math.RoundingMode.HALF_UP)
                .compareTo(new BigDecimal("104.79")));
    }

    // ---- ranking -------------------------------------------------------------------------------

    @Test
    void ranksShareTiesAndFollowTheDirection() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put(LONGSHAN, new BigDecimal("3"));
        values.put(XIAN, new BigDecimal("0"));
        values.put(DONGFENG, new BigDecimal("3"));
        values.put(DONGLIAO, new BigDecimal("7"));
        values.put(ZONE, null);

        Map<String, Integer> higherBetter = Ranking.rank(values, false);
        assertEquals(1, higherBetter.get(DONGLIAO));
        assertEquals(2, higherBetter.get(LONGSHAN));
        assertEquals(2, higherBetter.get(DONGFENG));
        assertEquals(4, higherBetter.get(XIAN));
        assertNull(higherBetter.get(ZONE));

        Map<String, Integer> lowerBetter = Ranking.rank(values, true); // e.g. overdue hazards
        assertEquals(1, lowerBetter.get(XIAN));
        assertEquals(2, lowerBetter.get(LONGSHAN));
        assertEquals(2, lowerBetter.get(DONGFENG));
        assertEquals(4, lowerBetter.get(DONGLIAO));
    }

    // ---- periods -------------------------------------------------------------------------------

    @Test
    void periodsFollowTheIsoNotation() {
        assertEquals(LocalDate.of(2025, 4, 1), Period.parse("2025Q2").orElseThrow().start());
        assertEquals(LocalDate.of(2025, 6, 30), Period.parse("2025Q2").orElseThrow().end());
        assertEquals(LocalDate.of(2025, 2, 28), Period.parse("2025-02").orElseThrow().end());
        assertEquals(LocalDate.of(2025, 12, 31), Period.parse("2025").orElseThrow().end());
        assertEquals("2024Q2", Period.parse("2025Q2").orElseThrow().previousYear().toString());
        assertEquals(java.util.Optional.empty(), Period.parse("2025Q5"));
        assertEquals(java.util.Optional.empty(), Period.parse("2025-13"));
        assertEquals(java.util.Optional.empty(), Period.parse("25"));
    }
}
