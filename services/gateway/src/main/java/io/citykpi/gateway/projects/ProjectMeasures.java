package io.citykpi.gateway.projects;

import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.projects.ProjectStage;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.reference.DomainMeasures.add;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.projects.ProjectReplay.Plan;
import io.citykpi.gateway.projects.ProjectReplay.Project;
import io.citykpi.gateway.reference.DomainMeasures;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KPIs of key construction projects (total investment ≥ 500万元), by replay: each project's history up
 * to the cut-off says where it belongs, its total investment, its stages and its plan for the year;
 * monthly investment reports are replaced by their corrections.
 */
@ApplicationScoped
public class ProjectMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/projects";

    @Override
    public String domain() {
        return "projects";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        Map<String, Fact> statRegistrations = FactLists.latestRecorded(FactLists.ofTypes(facts, ProjectEvents.STATISTICALLY_REGISTERED),
                Fact::subject);
        Map<String, Fact> monthlyReports = FactLists.latestRecorded(
                FactLists.ofTypes(facts, ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED),
                f -> f.subject() + "|" + f.data().get("month").asText());
        Map<String, List<Fact>> reportsByProject = new HashMap<>();
        monthlyReports.values().stream()
                .filter(f -> window.coversMonth(month(f.data(), "month")))
                .forEach(f -> reportsByProject.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f));

        for (List<Fact> history : FactLists.histories(facts).values()) {
            Project p = ProjectReplay.onCutoff(history, window.cutoff());
            if (p == null || !p.isKey()) {
                continue;
            }
            Contribution.Record record = record(p);
            boolean cancelled = p.cancelled();
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
            enteredIn(p, ProjectStage.UNDER_CONSTRUCTION, window).ifPresent(f ->
                    add(out, "projects.started", Contribution.count(p.orgUnit, record, List.of(f))));
            enteredIn(p, ProjectStage.COMPLETED, window).ifPresent(f ->
                    add(out, "projects.completed", Contribution.count(p.orgUnit, record, List.of(f))));
            enteredIn(p, ProjectStage.IN_PRODUCTION, window).ifPresent(f ->
                    add(out, "projects.in-production", Contribution.count(p.orgUnit, record, List.of(f))));

            // The registration date as last corrected, whatever date the correction gave.
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
                        plannedFor(plan, window), record, evidence));
            } else if (!reports.isEmpty() && !cancelled) {
                // Investment without a plan for the year still counts as completed against no planned amount.
                // A cancelled project leaves the rate altogether: its plan no longer counts, so neither does
                // what it spent (which stays in projects.investment-completed).
                add(out, "projects.investment-completion-rate",
                        Contribution.ratio(p.orgUnit, completed, BigDecimal.ZERO, record, reports));
            }
        }
        return out;
    }

    /** The plan's investment for the months of the window's whole period. */
    private static BigDecimal plannedFor(Plan plan, Window window) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = window.start().getMonthValue(); m <= window.end().getMonthValue(); m++) {
            sum = sum.add(plan.plannedIn(m));
        }
        return sum;
    }

    /** The stage change that first took the project into a stage, if it happened inside the window. */
    private static Optional<Fact> enteredIn(Project p, ProjectStage stage, Window window) {
        Fact f = p.entered(stage);
        return f != null && window.covers(f.effectiveDate()) ? Optional.of(f) : Optional.empty();
    }

    static Contribution.Record record(Project p) {
        return new Contribution.Record("project", p.id, p.code, SOURCE, "/api/v1/projects/" + p.id);
    }
}
