package io.citykpi.gateway.alerts;

import io.citykpi.shared.time.ReportingMonths;
import io.citykpi.shared.contract.investment.FaiEvents;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.safety.HazardDeadlines;
import io.citykpi.shared.contract.safety.SafetyEvents;
import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.alerts.Alert.Rule;
import io.citykpi.gateway.alerts.Alert.Severity;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.MonthlyReports;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.assessment.KpiSnapshot;
import io.citykpi.gateway.assessment.KpiValue;
import io.citykpi.gateway.query.SourceLinks;
import io.citykpi.gateway.period.Window;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The alert rules, as pure functions of a KPI snapshot for the year and the facts behind it. Each
 * rule says what it found, how serious it is, and where the explaining data is.
 */
public final class AlertRules {
    /** Facts that name a project (code and name), for the labels of its reports' alerts. */
    public static final java.util.Set<String> PROJECT_NAMING_TYPES = java.util.Set.of(ProjectEvents.REGISTERED, ProjectEvents.UPDATED);

    /** The monthly reports the rules read besides the KPI figures (corrections, month-on-month jumps). */
    public static final java.util.Set<String> REPORT_TYPES = java.util.Set.of(ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED,
            FaiEvents.REPORTED, FaiEvents.CORRECTED, LivelihoodEvents.PROGRESS_CORRECTED, LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED, LivelihoodEvents.EMPLOYMENT_CORRECTED);

    private final List<KpiDefinition> definitions;
    private final OrgUnitRegistry orgUnits;
    private final AlertConfig config;
    private final SourceLinks links;

    public AlertRules(List<KpiDefinition> definitions, OrgUnitRegistry orgUnits, AlertConfig config, SourceLinks links) {
        this.definitions = definitions;
        this.orgUnits = orgUnits;
        this.config = config;
        this.links = links;
    }

    /** Every alert for the snapshot's year as of its date; facts are those the query may know. */
    public List<Alert> evaluate(KpiSnapshot snapshot, List<Fact> facts) {
        Window window = snapshot.query().window();
        List<Alert> alerts = new ArrayList<>();
        kpisBehind(snapshot, window, alerts);
        hazards(snapshot, window, alerts);
        satisfaction(snapshot, window, alerts);
        projectsNotStarted(snapshot, window, alerts);
        decreasedByCorrection(facts, window, alerts);
        unitMistakes(facts, window, alerts);
        alerts.sort(Comparator.comparing(Alert::severity).thenComparing(Alert::rule)
                .thenComparing(Alert::orgUnit).thenComparing(a -> a.record() == null ? "" : a.record().label()));
        return alerts;
    }

    private void kpisBehind(KpiSnapshot snapshot, Window window, List<Alert> alerts) {
        BigDecimal threshold = config.behindTimeProgressPoints();
        for (KpiDefinition kpi : definitions) {
            if (!kpi.isCumulative() || kpi.lowerIsBetter()) {
                continue;
            }
            for (OrgUnit unit : orgUnits.all()) {
                KpiValue v = snapshot.value(kpi, unit.code());
                if (v.gapPoints() == null || v.timeProgress() == null || v.gapPoints().compareTo(threshold.negate()) >= 0) {
                    continue;
                }
                Severity severity = v.gapPoints().compareTo(threshold.multiply(BigDecimal.valueOf(2)).negate()) < 0
                        ? Severity.HIGH : Severity.MEDIUM;
                alerts.add(new Alert(Rule.KPI_BEHIND_TIME_PROGRESS, severity, unit.code(), unit.name(), kpi.id(), null,
                        kpi.name().zh() + " 完成 " + plain(v.completionRate()) + "%, " + v.gapText(),
                        v.completionRate(), v.timeProgress(), window.cutoff(), explain(kpi.id(), unit.code(), window)));
            }
        }
    }

    private void hazards(KpiSnapshot snapshot, Window window, List<Alert> alerts) {
        String city = orgUnits.root().code();
        for (Contribution c : snapshot.contributions("safety.hazards-overdue", city)) {
            Optional<Fact> found = first(c.facts(), SafetyEvents.HAZARD_FOUND);
            if (found.isEmpty()) {
                continue;
            }
            SafetyEvents.HazardFound hazard = found.get().payload(SafetyEvents.HazardFound.class);
            boolean major = hazard.severity() == io.citykpi.shared.contract.safety.Severity.MAJOR;
            LocalDate deadline = HazardDeadlines.inForce(hazard, c.facts().stream()
                    .filter(f -> f.type().equals(SafetyEvents.EXTENSION_DECIDED))
                    .map(f -> f.payload(SafetyEvents.DeadlineExtensionDecided.class)).toList());
            alerts.add(record(Rule.HAZARD_OVERDUE, major ? Severity.HIGH : Severity.MEDIUM, c,
                    (major ? "重大" : "一般") + "隐患逾期未整改, 整改期限 " + deadline, null, null, deadline));
        }
        for (Contribution c : snapshot.contributions("safety.major-hazards-open", city)) {
            first(c.facts(), SafetyEvents.HAZARD_LISTED).ifPresent(listed -> alerts.add(record(Rule.MAJOR_HAZARD_LISTED, Severity.HIGH, c,
                    "挂牌督办重大隐患尚未销号 (督办单位 " + listed.data().path("supervisingUnit").asText() + ")", null, null,
                    listed.effectiveDate())));
        }
    }

    private void satisfaction(KpiSnapshot snapshot, Window window, List<Alert> alerts) {
        KpiDefinition kpi = definitions.stream().filter(d -> d.id().equals("livelihood.hotline-satisfaction-rate"))
                .findFirst().orElseThrow();
        BigDecimal floor = config.satisfactionFloorPercent();
        for (OrgUnit unit : orgUnits.all()) {
            BigDecimal rate = snapshot.figure(kpi.id(), unit.code()).value(kpi);
            if (rate == null || rate.compareTo(floor) >= 0) {
                continue;
            }
            Severity severity = rate.compareTo(floor.subtract(BigDecimal.TEN)) < 0 ? Severity.HIGH : Severity.MEDIUM;
            alerts.add(new Alert(Rule.HOTLINE_SATISFACTION_LOW, severity, unit.code(), unit.name(), kpi.id(), null,
                    "12345热线满意率 " + plain(rate) + "%, 低于 " + plain(floor) + "%", rate, floor, window.cutoff(),
                    explain(kpi.id(), unit.code(), window)));
        }
    }

    private void projectsNotStarted(KpiSnapshot snapshot, Window window, List<Alert> alerts) {
        for (Contribution c : snapshot.contributions("projects.start-rate", orgUnits.root().code())) {
            if (c.numerator().signum() > 0) {
                continue;
            }
            Optional<YearMonth> planned = c.facts().stream()
                    .filter(f -> f.type().equals(ProjectEvents.PLAN_SET) && f.data().path("year").asInt() == window.year())
                    .reduce((a, b) -> b)
                    .map(f -> f.data().path("plan").path("plannedStartMonth"))
                    .filter(JsonNode::isTextual)
                    .map(node -> YearMonth.parse(node.asText()));
            if (planned.isEmpty() || !ReportingMonths.isOver(planned.get(), window.cutoff())) {
                continue;
            }
            long monthsLate = planned.get().until(YearMonth.from(window.cutoff()), java.time.temporal.ChronoUnit.MONTHS);
            alerts.add(record(Rule.PROJECT_NOT_STARTED, monthsLate >= 3 ? Severity.HIGH : Severity.MEDIUM, c,
                    "计划 " + planned.get() + " 开工, 至 " + window.cutoff() + " 尚未开工", null, null,
                    planned.get().atEndOfMonth()));
        }
    }

    /** A correction that lowers a month already reported makes every cumulative total after it go down. */
    private void decreasedByCorrection(List<Fact> facts, Window window, List<Alert> alerts) {
        Map<String, String> projects = projectLabels(facts);
        for (Fact f : facts) {
            BigDecimal now;
            BigDecimal before;
            String what;
            JsonNode d = f.data();
            switch (f.type()) {
                case ProjectEvents.INVESTMENT_CORRECTED -> {
                    now = d.path("amount").decimalValue();
                    before = d.path("previousAmount").decimalValue();
                    what = "项目 " + d.path("code").asText() + " 完成投资";
                }
                case FaiEvents.CORRECTED -> {
                    now = d.path("amount").decimalValue();
                    before = d.path("previousAmount").decimalValue();
                    what = "固定资产投资";
                }
                case LivelihoodEvents.PROGRESS_CORRECTED -> {
                    now = d.path("quantity").decimalValue();
                    before = d.path("previousQuantity").decimalValue();
                    what = "民生实事 " + d.path("code").asText() + " 进度";
                }
                case LivelihoodEvents.ASSISTANCE_CORRECTED -> {
                    now = d.path("amount").decimalValue();
                    before = d.path("previousAmount").decimalValue();
                    what = "救助资金";
                }
                case LivelihoodEvents.EMPLOYMENT_CORRECTED -> {
                    now = d.path("figures").path("newUrbanJobs").decimalValue();
                    before = d.path("previous").path("newUrbanJobs").decimalValue();
                    what = "城镇新增就业";
                }
                default -> {
                    continue;
                }
            }
            YearMonth month = MonthlyReports.month(f);
            // Dated by the day the correction was submitted, as the KPI it lowers counts it.
            LocalDate submitted = MonthlyReports.submittedOn(f);
            if (month.getYear() != window.year() || submitted.isAfter(window.asOf()) || now.compareTo(before) >= 0) {
                continue;
            }
            alerts.add(new Alert(Rule.CUMULATIVE_DECREASED, Severity.MEDIUM, f.orgUnit(), name(f.orgUnit()), null,
                    new Alert.Record(kind(f), f.subject(), label(f, projects)),
                    what + " " + month + " 由 " + plain(before) + " 更正为 " + plain(now) + ", 累计数下降 " + plain(before.subtract(now)),
                    now, before, submitted, links.link(f.source(), path(f))));
        }
    }

    /** Month-on-month jumps by the configured factor in monthly money series (per project, unit, category). */
    private void unitMistakes(List<Fact> facts, Window window, List<Alert> alerts) {
        series(facts, window, alerts, FactLists.ofTypes(facts, ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED), Fact::subject,
                f -> "项目 " + f.data().path("code").asText() + " 完成投资");
        series(facts, window, alerts, FactLists.ofTypes(facts, FaiEvents.REPORTED, FaiEvents.CORRECTED), Fact::orgUnit, f -> "固定资产投资");
        series(facts, window, alerts, FactLists.ofTypes(facts, LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED),
                f -> f.orgUnit() + "|" + f.data().path("category").asText(), f -> "救助资金 " + f.data().path("category").asText());
    }

    private void series(List<Fact> all, Window window, List<Alert> alerts, List<Fact> reports, Function<Fact, String> seriesKey,
                        Function<Fact, String> what) {
        Map<String, String> projects = projectLabels(all);
        Map<String, Fact> latest = FactLists.latestRecorded(reports, f -> seriesKey.apply(f) + "|" + f.data().path("month").asText());
        BigDecimal factor = config.unitMistakeFactor();
        java.util.Set<String> flagged = new java.util.HashSet<>();
        List<Fact> inMonthOrder = latest.values().stream()
                .sorted(Comparator.comparing(f -> f.data().path("month").asText())).toList();
        for (Fact f : inMonthOrder) {
            YearMonth month = YearMonth.parse(f.data().path("month").asText());
            if (month.getYear() != window.year() || !ReportingMonths.isOver(month, window.cutoff())) {
                continue;
            }
            Fact previous = latest.get(seriesKey.apply(f) + "|" + month.minusMonths(1));
            // The month after a wrong one jumps back: the same mistake, already reported.
            if (previous == null || flagged.contains(seriesKey.apply(f) + "|" + month.minusMonths(1))) {
                continue;
            }
            BigDecimal now = f.data().path("amount").decimalValue();
            BigDecimal before = previous.data().path("amount").decimalValue();
            if (now.signum() <= 0 || before.signum() <= 0) {
                continue;
            }
            boolean jumpUp = now.compareTo(before.multiply(factor)) >= 0;
            boolean jumpDown = before.compareTo(now.multiply(factor)) >= 0;
            if (!jumpUp && !jumpDown) {
                continue;
            }
            String ratio = jumpUp ? plain(now.divide(before, 0, RoundingMode.HALF_UP)) + " 倍"
                    : "1/" + plain(before.divide(now, 0, RoundingMode.HALF_UP));
            flagged.add(seriesKey.apply(f) + "|" + month);
            alerts.add(new Alert(Rule.SUSPECTED_UNIT_MISTAKE, Severity.HIGH, f.orgUnit(), name(f.orgUnit()), null,
                    new Alert.Record(kind(f), f.subject(), label(f, projects)),
                    what.apply(f) + " " + month + " 为 " + plain(now) + " 万元, 是上月 " + plain(before) + " 万元的 " + ratio
                            + ": 是否把万元当作亿元(或反之)填报?",
                    now, before, month.atEndOfMonth(), links.link(f.source(), path(f))));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Alert record(Rule rule, Severity severity, Contribution c, String message, BigDecimal value,
                         BigDecimal threshold, LocalDate date) {
        return new Alert(rule, severity, c.orgUnit(), name(c.orgUnit()), null,
                new Alert.Record(c.record().kind(), c.record().id(), c.record().label()), message, value, threshold, date,
                links.link(c.record().source(), c.record().path()));
    }

    private static Optional<Fact> first(List<Fact> facts, String type) {
        return facts.stream().filter(f -> f.type().equals(type)).findFirst();
    }

    /** "<code> <name>" of every project named by the facts (its registration, as renamed since). */
    private static Map<String, String> projectLabels(List<Fact> facts) {
        Map<String, String> labels = new java.util.HashMap<>();
        facts.stream().filter(f -> PROJECT_NAMING_TYPES.contains(f.type())).sorted(Fact.HISTORY_ORDER).forEach(f -> {
            JsonNode d = f.data();
            String name = ProjectEvents.REGISTERED.equals(f.type()) ? d.path("name").asText("")
                    : d.path("changes").path("name").path("to").asText(null);
            if (name != null) {
                labels.put(f.subject(), (d.path("code").asText("") + " " + name).strip());
            }
        });
        return labels;
    }

    /** A report's label: the project's code and name for project reports, else the record (unit and month). */
    private static String label(Fact f, Map<String, String> projects) {
        if (ProjectEvents.INVESTMENT_REPORTED.equals(f.type()) || ProjectEvents.INVESTMENT_CORRECTED.equals(f.type())) {
            return projects.getOrDefault(f.subject(), f.data().path("code").asText(f.subject()));
        }
        return f.subject();
    }

    private static String explain(String kpiId, String orgUnit, Window window) {
        return "/api/v1/kpis/" + kpiId + "/explain?orgUnit=" + orgUnit + "&period=" + window.period() + "&asOf=" + window.asOf();
    }

    private static String kind(Fact f) {
        return switch (f.type()) {
            case ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED -> "project-investment-report";
            case FaiEvents.REPORTED, FaiEvents.CORRECTED -> "fixed-asset-investment";
            case LivelihoodEvents.PROGRESS_CORRECTED -> "programme-progress";
            case LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED -> "assistance";
            default -> "employment";
        };
    }

    private static String path(Fact f) {
        String month = f.data().path("month").asText();
        return switch (f.type()) {
            case ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED -> "/api/v1/projects/" + f.subject();
            case FaiEvents.REPORTED, FaiEvents.CORRECTED -> "/api/v1/fixed-asset-investment/" + f.orgUnit() + "?year=" + month.substring(0, 4);
            case LivelihoodEvents.PROGRESS_CORRECTED -> "/api/v1/programmes/" + f.subject();
            case LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED -> "/api/v1/assistance/" + f.orgUnit() + "?year=" + month.substring(0, 4);
            default -> "/api/v1/employment/" + f.orgUnit() + "?year=" + month.substring(0, 4);
        };
    }

    private String name(String orgUnit) {
        return orgUnits.find(orgUnit).map(OrgUnit::name).orElse(orgUnit);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
