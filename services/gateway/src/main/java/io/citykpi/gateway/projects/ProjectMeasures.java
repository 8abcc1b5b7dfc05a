package io.citykpi.gateway.projects;

import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.integer;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.object;
import static io.citykpi.gateway.facts.Payload.optionalMonth;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.kpi.Facts.add;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.ingest.UnusableEventException;
import io.citykpi.gateway.kpi.Contribution;
import io.citykpi.gateway.kpi.DomainMeasures;
import io.citykpi.gateway.kpi.Facts;
import io.citykpi.gateway.kpi.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KPIs of key construction projects (total investment ≥ 500万元). A project's history is replayed up
 * to the cut-off: where it belongs, its total investment, its stages, its plan for the year; monthly
 * investment reports are replaced by their corrections.
 */
@ApplicationScoped
public class ProjectMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/projects";
    static final String REGISTERED = "citykpi.projects.project-registered.v1";
    static final String UPDATED = "citykpi.projects.project-updated.v1";
    static final String STAGE_CHANGED = "citykpi.projects.project-stage-changed.v1";
    static final String PLAN_SET = "citykpi.projects.project-plan-set.v1";
    static final String STAT_REGISTERED = "citykpi.projects.project-statistically-registered.v1";
    static final String INVESTMENT_REPORTED = "citykpi.projects.project-investment-reported.v1";
    static final String INVESTMENT_CORRECTED = "citykpi.projects.project-investment-corrected.v1";

    static final BigDecimal KEY_PROJECT_THRESHOLD = new BigDecimal("500");
    private static final Set<String> STARTED_STAGES = Set.of("UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION");

    @Override
    public String domain() {
        return "projects";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> types() {
        return Set.of(REGISTERED, UPDATED, STAGE_CHANGED, PLAN_SET, STAT_REGISTERED, INVESTMENT_REPORTED,
                INVESTMENT_CORRECTED);
    }

    @Override
    public void check(Fact fact) {
        JsonNode data = fact.data();
        text(data, "projectId");
        text(data, "code");
        switch (fact.type()) {
            case REGISTERED -> {
                decimal(data, "totalInvestment");
                text(data, "stage");
            }
            case UPDATED -> {
                JsonNode changes = object(data, "changes");
                if (changes.has("totalInvestment")) {
                    decimal(changes.get("totalInvestment"), "to");
                }
            }
            case STAGE_CHANGED -> text(data, "toStage");
            case PLAN_SET -> plan(data);
            case INVESTMENT_REPORTED, INVESTMENT_CORRECTED -> {
                month(data, "month");
                decimal(data, "amount");
            }
            default -> {
            }
        }
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        Map<String, Project> projects = replay(facts, window.cutoff());
        Map<String, Fact> statRegistrations = Facts.latestRecorded(Facts.ofTypes(facts, STAT_REGISTERED), Fact::subject);
        Map<String, Fact> monthlyReports = Facts.latestRecorded(
                Facts.ofTypes(facts, INVESTMENT_REPORTED, INVESTMENT_CORRECTED),
                f -> f.subject() + "|" + f.data().get("month").asText());
        Map<String, List<Fact>> reportsByProject = new HashMap<>();
        monthlyReports.values().stream()
                .filter(f -> window.coversMonth(month(f.data(), "month")))
                .forEach(f -> reportsByProject.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f));

        for (Project p : projects.values()) {
            if (!p.isKey()) {
                continue;
            }
            Contribution.Record record = p.record();
            boolean cancelled = "CANCELLED".equals(p.stage);
            if (!cancelled) {
                add(out, "projects.registered", Contribution.count(p.orgUnit, record, p.history));
            }
            Plan plan = p.plans.get(window.year());
            if (plan != null && !cancelled) {
                add(out, "projects.planned", Contribution.count(p.orgUnit, record, p.history));
                if (plan.startMonth() != null && plan.startMonth().getYear() == window.year()) {
                    add(out, "projects.start-rate", Contribution.hit(p.orgUnit, p.started, record, p.history));
                }
            }
            p.enteredIn("UNDER_CONSTRUCTION", window).ifPresent(f ->
                    add(out, "projects.started", Contribution.count(p.orgUnit, record, List.of(f))));
            p.enteredIn("COMPLETED", window).ifPresent(f ->
                    add(out, "projects.completed", Contribution.count(p.orgUnit, record, List.of(f))));
            p.enteredIn("IN_PRODUCTION", window).ifPresent(f ->
                    add(out, "projects.in-production", Contribution.count(p.orgUnit, record, List.of(f))));

            Fact stat = statRegistrations.get(p.id);
            if (stat != null && window.covers(stat.effectiveDate())) {
                add(out, "projects.stat-registered", Contribution.count(p.orgUnit, record, List.of(stat)));
            }

            List<Fact> reports = reportsByProject.getOrDefault(p.id, List.of());
            BigDecimal completed = reports.stream().map(f -> decimal(f.data(), "amount"))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!reports.isEmpty()) {
                add(out, "projects.investment-completed", Contribution.amount(p.orgUnit, completed, record, reports));
            }
            if (plan != null && !cancelled) {
                List<Fact> evidence = new ArrayList<>(reports);
                evidence.add(plan.fact());
                add(out, "projects.investment-completion-rate", Contribution.ratio(p.orgUnit, completed,
                        plan.plannedFor(window), record, evidence));
            } else if (!reports.isEmpty()) {
                // Investment without a plan for the year still counts as completed against no planned amount.
                add(out, "projects.investment-completion-rate",
                        Contribution.ratio(p.orgUnit, completed, BigDecimal.ZERO, record, reports));
            }
        }
        return out;
    }

    /** Every project's state on the cut-off date, from the facts effective by then. */
    private static Map<String, Project> replay(List<Fact> facts, LocalDate cutoff) {
        Map<String, Project> projects = new HashMap<>();
        for (Map.Entry<String, List<Fact>> entry : Facts.histories(facts).entrySet()) {
            Project project = null;
            for (Fact f : entry.getValue()) {
                if (!f.effectiveBy(cutoff)) {
                    break;
                }
                JsonNode data = f.data();
                if (REGISTERED.equals(f.type())) {
                    project = new Project(f.subject(), text(data, "code"), f.orgUnit());
                    project.totalInvestment = decimal(data, "totalInvestment");
                    project.enter(text(data, "stage"), f, false);
                } else if (project == null) {
                    continue;
                } else if (UPDATED.equals(f.type())) {
                    JsonNode changes = data.get("changes");
                    if (changes.has("orgUnit")) {
                        project.orgUnit = f.orgUnit();
                    }
                    if (changes.has("totalInvestment")) {
                        project.totalInvestment = decimal(changes.get("totalInvestment"), "to");
                    }
                } else if (STAGE_CHANGED.equals(f.type())) {
                    project.enter(text(data, "toStage"), f, true);
                } else if (PLAN_SET.equals(f.type())) {
                    project.plans.put(integer(data, "year"), plan(data).withFact(f));
                } else {
                    continue;
                }
                project.history.add(f);
            }
            if (project != null) {
                projects.put(project.id, project);
            }
        }
        return projects;
    }

    private static Plan plan(JsonNode data) {
        integer(data, "year");
        JsonNode plan = object(data, "plan");
        BigDecimal planned = decimal(plan, "plannedInvestment");
        YearMonth start = optionalMonth(plan, "plannedStartMonth");
        JsonNode monthly = plan.get("monthlyInvestment");
        List<BigDecimal> phasing = null;
        if (monthly != null && monthly.isArray()) {
            if (monthly.size() != 12) {
                throw new UnusableEventException("plan.monthlyInvestment must have 12 months");
            }
            phasing = new ArrayList<>();
            for (JsonNode m : monthly) {
                if (!m.isNumber()) {
                    throw new UnusableEventException("plan.monthlyInvestment holds a value that is not a number");
                }
                phasing.add(m.decimalValue());
            }
        }
        return new Plan(planned, start, phasing, null);
    }

    private record Plan(BigDecimal plannedInvestment, YearMonth startMonth, List<BigDecimal> monthly, Fact fact) {

        Plan withFact(Fact f) {
            return new Plan(plannedInvestment, startMonth, monthly, f);
        }

        /** The plan's investment for the months of the window's whole period (even phasing if none was given). */
        BigDecimal plannedFor(Window window) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int m = window.start().getMonthValue(); m <= window.end().getMonthValue(); m++) {
                sum = sum.add(monthly != null ? monthly.get(m - 1)
                        : plannedInvestment.divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP));
            }
            return sum;
        }
    }

    private static final class Project {
        final String id;
        final String code;
        String orgUnit;
        BigDecimal totalInvestment;
        String stage;
        boolean started;
        final Map<Integer, Plan> plans = new HashMap<>();
        final Map<String, Fact> firstEntered = new HashMap<>();
        final List<Fact> history = new ArrayList<>();

        Project(String id, String code, String orgUnit) {
            this.id = id;
            this.code = code;
            this.orgUnit = orgUnit;
        }

        /** A project registered as already under construction has started, but not inside any window. */
        void enter(String newStage, Fact fact, boolean byStageChange) {
            stage = newStage;
            started |= STARTED_STAGES.contains(newStage);
            if (byStageChange) {
                firstEntered.putIfAbsent(newStage, fact);
            }
        }

        boolean isKey() {
            return totalInvestment.compareTo(KEY_PROJECT_THRESHOLD) >= 0;
        }

        /** The stage change that first took the project into a stage, if it happened inside the window. */
        Optional<Fact> enteredIn(String target, Window window) {
            Fact f = firstEntered.get(target);
            return f != null && window.covers(f.effectiveDate()) ? Optional.of(f) : Optional.empty();
        }

        Contribution.Record record() {
            return new Contribution.Record("project", id, code, SOURCE, "/api/v1/projects/" + id);
        }
    }
}
