package io.citykpi.gateway.alerts;

import static io.citykpi.gateway.DomainEvents.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.alerts.Alert.Rule;
import io.citykpi.gateway.alerts.Alert.Severity;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.investment.InvestmentMeasures;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.kpi.KpiCatalogueFixture;
import io.citykpi.gateway.reference.KpiEngine;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.query.SourceLinks;
import io.citykpi.gateway.assessment.StatusRule;
import io.citykpi.gateway.livelihood.LivelihoodMeasures;
import io.citykpi.gateway.projects.ProjectMeasures;
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

/** Every alert rule fires on what it is meant to catch, and stays quiet just short of it. */
class AlertRulesTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final String DONGFENG = "220421";
    static final String LONGSHAN = "220402";
    static final String ZONE = "220471";

    final DomainEvents events = new DomainEvents();
    final List<Fact> facts = new ArrayList<>();
    final List<KpiTarget> targets = new ArrayList<>();
    final OrgUnitRegistry orgUnits = OrgUnitRegistry.bundled();
    final KpiCatalogue catalogue = KpiCatalogueFixture.catalogue();

    void add(CloudEvent event) {
        facts.add(events.fact(event));
    }

    List<Alert> alerts() {
        return alerts(AS_OF);
    }

    List<Alert> alerts(LocalDate asOf) {
        KpiEngine engine = new KpiEngine(catalogue.all(), orgUnits,
                List.of(new ProjectMeasures(), new InvestmentMeasures(), new LivelihoodMeasures(), new SafetyMeasures()));
        KpiQuery query = new KpiQuery(Period.year(2025), asOf, null);
        KpiSnapshot snapshot = new KpiSnapshot(query, engine.compute(facts, query.window()),
                engine.compute(List.of(), query.window().previousYear()), new TargetBook(2025, targets, orgUnits),
                orgUnits, KpiCatalogueFixture.RULE);
        AlertConfig config = new AlertConfig() {
            @Override
            public BigDecimal behindTimeProgressPoints() {
                return new BigDecimal("5");
            }

            @Override
            public BigDecimal satisfactionFloorPercent() {
                return new BigDecimal("85");
            }

            @Override
            public BigDecimal unitMistakeFactor() {
                return new BigDecimal("1000");
            }
        };
        SourceLinks links = new SourceLinks() {
            public String projects() { return "http://projects"; }
            public String investment() { return "http://investment"; }
            public String livelihood() { return "http://livelihood"; }
            public String safetyInspection() { return "http://safety"; }
        };
        return new AlertRules(catalogue.all(), orgUnits, config, links).evaluate(snapshot, facts);
    }

    static List<Alert> of(List<Alert> alerts, Rule rule) {
        return alerts.stream().filter(a -> a.rule() == rule).toList();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    void target(String kpiId, String orgUnit, String value) {
        KpiTarget t = new KpiTarget();
        t.year = 2025;
        t.kpiId = kpiId;
        t.orgUnit = orgUnit;
        t.value = new BigDecimal(value);
        targets.add(t);
    }

    @Test
    void aCumulativeKpiBehindTimeProgressByMoreThanTheThreshold() {
        // 30 June: time progress 49.59%. 40 of 100 inspections = 40%: 9.6 points behind -> MEDIUM.
        // 东丰县 with 20 of 100 is 29.6 behind -> HIGH; 龙山区 with 46 of 100 is 3.6 behind -> no alert.
        inspections(ZONE, 40);
        inspections(DONGFENG, 20);
        inspections(LONGSHAN, 46);
        target("safety.inspections", ZONE, "100");
        target("safety.inspections", DONGFENG, "100");
        target("safety.inspections", LONGSHAN, "100");

        List<Alert> behind = of(alerts(), Rule.KPI_BEHIND_TIME_PROGRESS);
        assertEquals(List.of("220400", DONGFENG, ZONE), behind.stream().map(Alert::orgUnit).sorted().toList(),
                "the city (106 of 300, 14 behind) too, not 龙山区");
        Alert zone = behind.stream().filter(a -> a.orgUnit().equals(ZONE)).findFirst().orElseThrow();
        assertEquals(Severity.MEDIUM, zone.severity());
        assertEquals("safety.inspections", zone.kpiId());
        assertTrue(zone.message().contains("欠时间进度 9.6 个百分点"), zone.message());
        assertEquals("/api/v1/kpis/safety.inspections/explain?orgUnit=220471&period=2025&asOf=2025-06-30", zone.link());
        assertEquals(Severity.HIGH, behind.stream().filter(a -> a.orgUnit().equals(DONGFENG)).findFirst().orElseThrow().severity());
    }

    private void inspections(String unit, int count) {
        for (int i = 0; i < count; i++) {
            add(events.inspection(id(), unit, 0, LocalDate.of(2025, 1 + i % 6, 10)));
        }
    }

    @Test
    void overdueHazardsAndListedMajorHazards() {
        String inspection = id();
        String major = id();
        String general = id();
        String extended = id();
        add(events.hazardFound(major, inspection, DONGFENG, "MAJOR", LocalDate.of(2025, 5, 31), LocalDate.of(2025, 3, 1)));
        add(events.hazardListed(major, DONGFENG, LocalDate.of(2025, 3, 5)));
        add(events.hazardFound(general, inspection, DONGFENG, "GENERAL", LocalDate.of(2025, 6, 29), LocalDate.of(2025, 3, 1)));
        add(events.hazardFound(extended, inspection, DONGFENG, "GENERAL", LocalDate.of(2025, 4, 30), LocalDate.of(2025, 3, 1)));
        add(events.extensionDecided(extended, DONGFENG, LocalDate.of(2025, 4, 30), LocalDate.of(2025, 7, 31),
                LocalDate.of(2025, 4, 20)));

        List<Alert> all = alerts();
        List<Alert> overdue = of(all, Rule.HAZARD_OVERDUE);
        assertEquals(2, overdue.size(), "the extended one is not overdue");
        assertEquals(Severity.HIGH, overdue.get(0).severity());
        assertEquals(major, overdue.get(0).record().id());
        assertEquals("http://safety/api/v1/hazards/" + major, overdue.get(0).link());
        assertEquals(Severity.MEDIUM, overdue.get(1).severity());
        List<Alert> listed = of(all, Rule.MAJOR_HAZARD_LISTED);
        assertEquals(1, listed.size());
        assertEquals(major, listed.get(0).record().id());

        add(events.hazardRectified(major, DONGFENG, "MAJOR", LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 5)));
        add(events.hazardVerified(major, DONGFENG, "MAJOR", true, LocalDate.of(2025, 6, 10)));
        List<Alert> afterClosing = alerts();
        assertEquals(1, of(afterClosing, Rule.HAZARD_OVERDUE).size());
        assertEquals(0, of(afterClosing, Rule.MAJOR_HAZARD_LISTED).size());
    }

    @Test
    void hotlineSatisfactionUnderTheFloor() {
        // 东丰县 8 of 10 = 80% (under 85: MEDIUM); 龙山区 7 of 10 = 70% (more than 10 under: HIGH); 高新区 9 of 10 fine.
        feedback(DONGFENG, 8, 10);
        feedback(LONGSHAN, 7, 10);
        feedback(ZONE, 9, 10);
        List<Alert> low = of(alerts(), Rule.HOTLINE_SATISFACTION_LOW);
        assertEquals(List.of("220400", LONGSHAN, DONGFENG), low.stream().map(Alert::orgUnit).sorted().toList(),
                "the city: 24 of 30 = 80%");
        assertEquals(Severity.HIGH, low.stream().filter(a -> a.orgUnit().equals(LONGSHAN)).findFirst().orElseThrow().severity());
        assertEquals(0, new BigDecimal("80.00").compareTo(
                low.stream().filter(a -> a.orgUnit().equals(DONGFENG)).findFirst().orElseThrow().value()));
    }

    private void feedback(String unit, int satisfied, int total) {
        for (int i = 0; i < total; i++) {
            String number = "C-" + unit + "-" + i;
            OffsetDateTime received = shanghai(LocalDate.of(2025, 5, 5), 9);
            add(events.caseReceived(number, unit, received, received.plusHours(2), received.plusDays(5)));
            add(events.caseResolved(number, unit, received.plusDays(1), true, true));
            add(events.caseFeedback(number, unit, received.plusDays(2), i < satisfied ? "SATISFIED" : "UNSATISFIED"));
        }
    }

    @Test
    void projectsPlannedToStartByNowThatHaveNotStarted() {
        String late = project(ZONE, "GX-LATE", YearMonth.of(2025, 2));
        String thisMonth = project(ZONE, "GX-JUNE", YearMonth.of(2025, 6));
        String started = project(ZONE, "GX-OK", YearMonth.of(2025, 3));
        add(events.stageChanged(started, "GX-OK", ZONE, "PLANNED", "UNDER_CONSTRUCTION", LocalDate.of(2025, 3, 20)));
        // One rule for "the month is over" (on its last day), as for KPIs and the reporting calendar.
        List<Alert> notStarted = of(alerts(), Rule.PROJECT_NOT_STARTED);
        assertEquals(2, notStarted.size(), "June is over on 30 June: the June project is late too");
        assertEquals(Severity.HIGH, notStarted.stream().filter(a -> a.record().id().equals(late)).findFirst()
                .orElseThrow().severity(), "four months late");
        assertEquals(Severity.MEDIUM, notStarted.stream().filter(a -> a.record().id().equals(thisMonth)).findFirst()
                .orElseThrow().severity(), "late since today");
        assertEquals(0, of(alerts(LocalDate.of(2025, 6, 29)), Rule.PROJECT_NOT_STARTED).stream()
                .filter(a -> a.record().id().equals(thisMonth)).count(), "on 29 June the June project may still start");
    }

    private String project(String unit, String code, YearMonth start) {
        String p = id();
        add(events.projectRegistered(p, code, unit, "3000", "PLANNED", LocalDate.of(2025, 1, 3)));
        add(events.planSet(p, code, unit, 2025, "1200", start, LocalDate.of(2025, 1, 5)));
        return p;
    }

    @Test
    void aCorrectionThatLowersAReportedFigure() {
        add(events.fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 4), "31000", null, null));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 6, 12), 10))
                .fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 4), "29000", "31000", null));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 6, 13), 10))
                .fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 3), "30000", null, null));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 6, 14), 10))
                .fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 3), "30500", "30000", null));
        add(events.employment(DONGFENG, YearMonth.of(2025, 5), 120, null));
        add(events.recordedAt(shanghai(LocalDate.of(2025, 7, 2), 10)).employment(DONGFENG, YearMonth.of(2025, 5), 100, 120));

        List<Alert> decreased = of(alerts(), Rule.CUMULATIVE_DECREASED);
        assertEquals(1, decreased.size(), "upward corrections are fine; the July one is after the as-of date");
        assertEquals(LONGSHAN, decreased.get(0).orgUnit());
        assertTrue(decreased.get(0).message().contains("31000 更正为 29000"), decreased.get(0).message());
        assertEquals(2, of(alerts(LocalDate.of(2025, 7, 3)), Rule.CUMULATIVE_DECREASED).size());
    }

    @Test
    void aMonthOnMonthJumpThatLooksLikeTheWrongUnit() {
        // 龙山区 FAI: 31,000万 in April, then "3.2" in May: 亿元 typed where 万元 was asked (1/9688).
        add(events.fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 4), "31000", null, null));
        add(events.fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 5), "3.2", null, null));
        // June is right again: the jump back is the same mistake, not a second one.
        add(events.fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 6), "33000", null, null));
        // 东丰县 doubles from April to May: a big month, not a unit mistake.
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2025, 4), "20000", null, null));
        add(events.fixedAssetInvestment(DONGFENG, YearMonth.of(2025, 5), "40000", null, null));
        // A project's 12万 in March, then 150,000万 in April: 万 typed as 元? 1,250 times.
        String p = id();
        add(events.projectRegistered(p, "LS-JUMP", LONGSHAN, "900000", "UNDER_CONSTRUCTION", LocalDate.of(2025, 1, 2)));
        add(events.investmentReported(p, "LS-JUMP", LONGSHAN, YearMonth.of(2025, 3), "120", null, "120"));
        add(events.investmentReported(p, "LS-JUMP", LONGSHAN, YearMonth.of(2025, 4), "150000", null, "150120"));

        List<Alert> mistakes = of(alerts(), Rule.SUSPECTED_UNIT_MISTAKE);
        assertEquals(2, mistakes.size(), mistakes.toString());
        assertTrue(mistakes.stream().allMatch(a -> a.severity() == Severity.HIGH));
        assertTrue(mistakes.stream().anyMatch(a -> a.message().contains("1/9688")), mistakes.toString());
        assertTrue(mistakes.stream().anyMatch(a -> a.message().contains("1250 倍")), mistakes.toString());

        // Corrected: the alert goes away.
        add(events.recordedAt(shanghai(LocalDate.of(2025, 6, 20), 10))
                .fixedAssetInvestment(LONGSHAN, YearMonth.of(2025, 5), "32000", "3.2", null));
        assertEquals(1, of(alerts(), Rule.SUSPECTED_UNIT_MISTAKE).size());
    }

    @Test
    void nothingToReportOnAQuietCity() {
        assertEquals(List.of(), alerts());
    }
}
