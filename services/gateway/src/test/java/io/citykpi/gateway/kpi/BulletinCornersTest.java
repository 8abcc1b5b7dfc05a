package io.citykpi.gateway.kpi;

import static io.citykpi.gateway.DomainEvents.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.alerts.Alert;
import io.citykpi.gateway.alerts.AlertConfig;
import io.citykpi.gateway.alerts.AlertRules;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.assessment.Status;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.investment.InvestmentMeasures;
import io.citykpi.gateway.livelihood.LivelihoodMeasures;
import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.projects.ProjectMeasures;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.query.SourceLinks;
import io.citykpi.gateway.reference.KpiEngine;
import io.citykpi.gateway.reporting.ReportType;
import io.citykpi.gateway.reporting.ReportingCalendar;
import io.citykpi.gateway.reporting.ReportingConfig;
import io.citykpi.gateway.reporting.ReportingStatus;
import io.citykpi.gateway.safety.SafetyMeasures;
import io.citykpi.gateway.targets.KpiTarget;
import io.citykpi.gateway.targets.TargetBook;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The numbers a bulletin would print, in the corners where they went wrong once; every expectation is
 * computed by hand in the comments. The replay engine is the specification; the ledger is held to it
 * by the differential tests.
 */
class BulletinCornersTest {

    static final String CITY = "220400";
    static final String LONGSHAN = "220402";
    static final String XIAN = "220403";
    static final String DONGFENG = "220421";

    final DomainEvents events = new DomainEvents();
    final List<Fact> facts = new ArrayList<>();
    final List<KpiTarget> targets = new ArrayList<>();
    final OrgUnitRegistry orgUnits = OrgUnitRegistry.bundled();
    final KpiCatalogue catalogue = KpiCatalogueFixture.catalogue();
    final KpiEngine engine = new KpiEngine(catalogue.all(), orgUnits,
            List.of(new ProjectMeasures(), new InvestmentMeasures(), new LivelihoodMeasures(), new SafetyMeasures()));

    void add(CloudEvent event) {
        facts.add(events.fact(event));
    }

    KpiSnapshot snapshot(int year, LocalDate asOf) {
        KpiQuery query = new KpiQuery(Period.year(year), asOf, null);
        return new KpiSnapshot(query, engine.compute(facts, query.window()),
                engine.compute(facts, query.window().previousYear()), new TargetBook(year, targets, orgUnits), orgUnits,
                KpiCatalogueFixture.RULE);
    }

    KpiValue value(String kpiId, String unit, int year, LocalDate asOf) {
        return snapshot(year, asOf).value(catalogue.find(kpiId).orElseThrow(), unit);
    }

    void target(int year, String kpiId, String unit, String value) {
        KpiTarget t = new KpiTarget();
        t.year = year;
        t.kpiId = kpiId;
        t.orgUnit = unit;
        t.value = new BigDecimal(value);
        targets.add(t);
    }

    @Test
    void sendingACaseBackDoesNotImproveSatisfaction() {
        OffsetDateTime received = shanghai(LocalDate.of(2020, 3, 2), 9);
        hotlineCase("A", received, "SATISFIED");
        hotlineCase("B", received, "UNSATISFIED");
        LocalDate asOf = LocalDate.of(2020, 3, 31);
        assertEquals("50.00", plain(value("livelihood.hotline-satisfaction-rate", CITY, 2020, asOf).value()), "1 of 2");

        add(events.caseSentBack("B", LONGSHAN, received.plusDays(6)));
        assertEquals("50.00", plain(value("livelihood.hotline-satisfaction-rate", CITY, 2020, asOf).value()),
                "sent back: B's unsatisfied verdict stands until new feedback replaces it (it was 100% once)");
        assertEquals("100.00", plain(value("livelihood.hotline-resolution-rate", CITY, 2020, asOf).value()),
                "resolution counts only A while B is being reworked: 1 of 1");

        add(events.caseResolved("B", LONGSHAN, received.plusDays(9), true, true));
        add(events.caseFeedback("B", LONGSHAN, received.plusDays(10), "SATISFIED"));
        assertEquals("100.00", plain(value("livelihood.hotline-satisfaction-rate", CITY, 2020, asOf).value()),
                "the new feedback replaces the verdict: 2 of 2");
    }

    private void hotlineCase(String number, OffsetDateTime received, String feedback) {
        add(events.caseReceived(number, LONGSHAN, received, received.plusDays(1), received.plusDays(3)));
        add(events.caseAccepted(number, LONGSHAN, received.plusHours(2), true));
        add(events.caseResolved(number, LONGSHAN, received.plusDays(2), true, true));
        add(events.caseFeedback(number, LONGSHAN, received.plusDays(4), feedback));
    }

    @Test
    void completionIsComputedBeforeRoundingOnlyTheDisplay() {
        // 2 of 3 projects planned to start have started: 66.666…%; against a target of 50% that is 133.33%
        // complete (from the rounded 66.67 it would be 133.34).
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            add(events.projectRegistered(id, "SR-" + i, XIAN, "900", "PLANNED", LocalDate.of(2020, 1, 5)));
            add(events.planSet(id, "SR-" + i, XIAN, 2020, "600", YearMonth.of(2020, 3), LocalDate.of(2020, 1, 6)));
            if (i < 2) {
                add(events.stageChanged(id, "SR-" + i, XIAN, "PLANNED", "UNDER_CONSTRUCTION", LocalDate.of(2020, 3, 9)));
            }
        }
        target(2020, "projects.start-rate", XIAN, "50");
        KpiValue rate = value("projects.start-rate", XIAN, 2020, LocalDate.of(2020, 12, 31));
        assertEquals("66.67", plain(rate.value()));
        assertEquals("133.33", plain(rate.completionRate()));
    }

    @Test
    void aGrowthTargetIsMetByPointsNotByACompletionRatio() {
        // March 2020: 26,300 against 26,000 a year earlier = +1.1538…%; the target is 5%: 3.85 points under it.
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2019, 3), "26000", null, null));
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2020, 3), "26300", null, null));
        target(2020, "investment.fixed-asset-investment-growth", DONGFENG, "5");
        KpiValue growth = value("investment.fixed-asset-investment-growth", DONGFENG, 2020, LocalDate.of(2020, 4, 30));
        assertEquals("1.15", plain(growth.value()));
        assertNull(growth.completionRate(), "a rate of change has no completion ratio");
        assertEquals("-3.85", plain(growth.gapPoints()));
        assertEquals("低于目标 3.85 个百分点", growth.gapText());
        assertEquals(Status.BEHIND, growth.status());

        // A negative growth is as many points under: -2% against 5% is 7 points, not "394.8 个百分点".
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2019, 4), "10000", null, null));
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2020, 4), "6130", null, null));
        KpiValue twoMonths = value("investment.fixed-asset-investment-growth", DONGFENG, 2020, LocalDate.of(2020, 4, 30));
        // (26300 + 6130) / (26000 + 10000) - 1 = -9.9166…%: 14.92 points under 5%.
        assertEquals("-9.92", plain(twoMonths.value()));
        assertEquals("低于目标 14.92 个百分点", twoMonths.gapText());
    }

    @Test
    void growthCountsOnlyMonthsThatHaveAFigureAYearEarlier() {
        // January 110 against 100; February 500 has no figure (own or quoted) a year earlier: year to date
        // growth is 110 / 100 - 1 = +10%, not (110 + 500) / 100 - 1.
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2019, 1), "100", null, null));
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2020, 1), "110", null, null));
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2020, 2), "500", null, null));
        assertEquals("10.00", plain(value("investment.fixed-asset-investment-growth", DONGFENG, 2020,
                LocalDate.of(2020, 2, 29)).value()));
        assertEquals("610", plain(value("investment.fixed-asset-investment", DONGFENG, 2020,
                LocalDate.of(2020, 2, 29)).value()), "the amount counts every month");
    }

    @Test
    void aCityTargetThatCoversSomeUnitsIsComparedWithThoseUnits() {
        // 龙山区 promised 2 deals and signed 1; 西安区 promised nothing and signed 3. The city's target is the sum of
        // the units' targets, 2, covering 龙山区 only: compared with 龙山区's 1 it is 50% done, not 4 of 2 = 200%.
        deal(LONGSHAN, LocalDate.of(2020, 2, 10));
        for (int i = 0; i < 3; i++) {
            deal(XIAN, LocalDate.of(2020, 3, 10 + i));
        }
        target(2020, "investment.deals-signed", LONGSHAN, "2");
        KpiValue city = value("investment.deals-signed", CITY, 2020, LocalDate.of(2020, 12, 31));
        assertEquals("4", plain(city.value()));
        assertEquals(List.of(LONGSHAN), city.targetCovers());
        assertEquals("1", plain(city.targetComparedValue()));
        assertEquals("50.00", plain(city.completionRate()));
        assertEquals(Status.BEHIND, city.status());
        assertNull(value("investment.deals-signed", LONGSHAN, 2020, LocalDate.of(2020, 12, 31)).targetCovers(),
                "a unit's own target covers the unit");
    }

    private void deal(String unit, LocalDate signed) {
        add(events.dealSigned(UUID.randomUUID().toString(), unit, "3000", signed));
    }

    @Test
    void aCancelledProjectLeavesTheCompletionRateAltogether() {
        // Two projects planned at 1,200 a year (100 a month): A reports 300 for January to March; B reports
        // 150 for January and is cancelled in March. As of 31 March, Q1: A alone, 300 of 300 = 100%; B's 150
        // stays in the investment completed (450) but not in the rate.
        String a = project("A", 300);
        String b = project("B", 150);
        add(events.stageChanged(b, "B", DONGFENG, "PLANNED", "CANCELLED", LocalDate.of(2020, 3, 15)));
        KpiQuery q1 = new KpiQuery(Period.parse("2020Q1").orElseThrow(), LocalDate.of(2020, 3, 31), null);
        KpiSnapshot snapshot = new KpiSnapshot(q1, engine.compute(facts, q1.window()),
                engine.compute(facts, q1.window().previousYear()), new TargetBook(2020, targets, orgUnits), orgUnits,
                KpiCatalogueFixture.RULE);
        KpiValue rate = snapshot.value(catalogue.find("projects.investment-completion-rate").orElseThrow(), DONGFENG);
        assertEquals(0, new BigDecimal("300").compareTo(rate.numerator()), "A's January");
        assertEquals(0, new BigDecimal("300").compareTo(rate.denominator()), "A's plan for Q1");
        assertEquals("100.00", plain(rate.value()));
        assertEquals("450", plain(snapshot.value(catalogue.find("projects.investment-completed").orElseThrow(), DONGFENG)
                .value()));
        assertTrue(a != null);
    }

    private String project(String code, int firstMonth) {
        String id = UUID.randomUUID().toString();
        add(events.projectRegistered(id, code, DONGFENG, "5000", "UNDER_CONSTRUCTION", LocalDate.of(2019, 12, 1)));
        add(events.planSet(id, code, DONGFENG, 2020, "1200", null, LocalDate.of(2019, 12, 20)));
        add(events.investmentReported(id, code, DONGFENG, YearMonth.of(2020, 1), String.valueOf(firstMonth), null,
                String.valueOf(firstMonth)));
        return id;
    }

    @Test
    void aCorrectionIsAlertedOnTheDayItWasSubmittedAndNamesTheProject() {
        // The March figure of project LS-9 (北方碳纤维) is lowered by a correction submitted on 20 December 2020 and
        // keyed in on 5 January 2021: as of 31 December 2020 the KPI already shows it, and so must the alert.
        String id = UUID.randomUUID().toString();
        add(events.projectRegistered(id, "LS-9", LONGSHAN, "32000", "UNDER_CONSTRUCTION", LocalDate.of(2020, 1, 2)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) facts.get(facts.size() - 1).data()).put("name", "北方碳纤维");
        add(events.investmentReported(id, "LS-9", LONGSHAN, YearMonth.of(2020, 3), "900", null, "900"));
        CloudEvent correction = events.recordedAt(shanghai(LocalDate.of(2021, 1, 5), 10))
                .investmentReported(id, "LS-9", LONGSHAN, YearMonth.of(2020, 3), "600", "900", "600");
        ((com.fasterxml.jackson.databind.node.ObjectNode) correction.data()).put("submittedOn", "2020-12-20");
        add(correction);
        List<Alert> decreased = alerts(LocalDate.of(2020, 12, 31)).stream()
                .filter(a -> a.rule() == Alert.Rule.CUMULATIVE_DECREASED).toList();
        assertEquals(1, decreased.size());
        assertEquals(LocalDate.of(2020, 12, 20), decreased.get(0).date());
        assertEquals("LS-9 北方碳纤维", decreased.get(0).record().label());
        assertEquals(0, alerts(LocalDate.of(2020, 12, 19)).stream()
                .filter(a -> a.rule() == Alert.Rule.CUMULATIVE_DECREASED).count(), "not before it was submitted");
    }

    private List<Alert> alerts(LocalDate asOf) {
        AlertConfig config = new AlertConfig() {
            public BigDecimal behindTimeProgressPoints() {
                return new BigDecimal("5");
            }

            public BigDecimal satisfactionFloorPercent() {
                return new BigDecimal("85");
            }

            public BigDecimal unitMistakeFactor() {
                return new BigDecimal("1000");
            }
        };
        SourceLinks links = new SourceLinks() {
            public String projects() {
                return "http://projects";
            }

            public String investment() {
                return "http://investment";
            }

            public String livelihood() {
                return "http://livelihood";
            }

            public String safetyInspection() {
                return "http://safety";
            }
        };
        return new AlertRules(catalogue.all(), orgUnits, config, links).evaluate(snapshot(asOf.getYear(), asOf), facts);
    }

    @Test
    void aMonthIsOverOnItsLastDayForKpisAndTheReportingCalendar() {
        // As of 30 June 2020 June's FAI counts in the KPI, and June's report is owed (pending until 8 July).
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2020, 6), "700", null, null));
        LocalDate june30 = LocalDate.of(2020, 6, 30);
        assertEquals("700", plain(value("investment.fixed-asset-investment", DONGFENG, 2020, june30).value()));
        ReportingConfig due = new ReportingConfig() {
            public int projectInvestment() {
                return 5;
            }

            public int fixedAssetInvestment() {
                return 8;
            }

            public int programmeProgress() {
                return 5;
            }

            public int assistance() {
                return 10;
            }

            public int employment() {
                return 10;
            }
        };
        ReportingStatus status = new ReportingCalendar(due).status(2020, june30,
                List.of(orgUnits.find(DONGFENG).orElseThrow()), List.of());
        ReportingStatus.Report june = status.reports().stream()
                .filter(r -> r.type() == ReportType.FIXED_ASSET_INVESTMENT && r.month().equals("2020-06")).findFirst()
                .orElseThrow(() -> new AssertionError("June is owed on 30 June"));
        assertEquals(ReportingStatus.State.PENDING, june.state());
        assertEquals(LocalDate.of(2020, 7, 8), june.dueOn());
        assertTrue(new ReportingCalendar(due).status(2020, LocalDate.of(2020, 6, 29),
                        List.of(orgUnits.find(DONGFENG).orElseThrow()), List.of()).reports().stream()
                .noneMatch(r -> r.month().equals("2020-06")), "on 29 June June is not over");
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
