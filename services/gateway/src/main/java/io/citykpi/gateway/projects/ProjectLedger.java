package io.citykpi.gateway.projects;

import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.projects.ProjectStage;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.object;
import static io.citykpi.gateway.facts.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.ledger.LedgerEntry;
import io.citykpi.gateway.ledger.LedgerRow;
import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.Timeline;
import io.citykpi.gateway.projects.ProjectReplay.Plan;
import io.citykpi.gateway.projects.ProjectReplay.Project;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ledger rows of one key project. Its replayed history splits the cut-off dates into segments in which
 * its state is constant; in each, the project contributes stocks (on the register, planned, started or
 * not) and flows (the day it started, each month's investment, the plan's monthly amounts).
 */
@ApplicationScoped
public class ProjectLedger implements LedgerRules {

    private static final ProjectStage[] STAGES_COUNTED = {ProjectStage.UNDER_CONSTRUCTION, ProjectStage.COMPLETED,
            ProjectStage.IN_PRODUCTION};
    private static final String[] STAGE_KPIS = {"projects.started", "projects.completed", "projects.in-production"};

    @Override
    public String source() {
        return ProjectMeasures.SOURCE;
    }

    @Override
    public Set<String> types() {
        return ProjectReplay.TYPES;
    }

    @Override
    public void check(Fact fact) {
        JsonNode data = fact.data();
        text(data, "projectId");
        text(data, "code");
        switch (fact.type()) {
            case ProjectEvents.REGISTERED -> {
                decimal(data, "totalInvestment");
                text(data, "stage");
            }
            case ProjectEvents.UPDATED -> {
                JsonNode changes = object(data, "changes");
                if (changes.has("totalInvestment")) {
                    decimal(changes.get("totalInvestment"), "to");
                }
            }
            case ProjectEvents.PLAN_SET -> ProjectReplay.plan(fact.payload(ProjectEvents.ProjectPlanSet.class));
            case ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED -> {
                month(data, "month");
                decimal(data, "amount");
            }
            default -> {
            }
        }
    }

    @Override
    public String replayKey(Fact fact) {
        return "project:" + fact.subject();
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of("project");
    }

    @Override
    public String path(String recordKind, String recordId) {
        return "/api/v1/projects/" + recordId;
    }

    @Override
    public List<LedgerRow> rows(List<Fact> facts) {
        List<Fact> history = FactLists.history(facts, ProjectEvents.REGISTERED, ProjectEvents.UPDATED, ProjectEvents.STAGE_CHANGED, ProjectEvents.PLAN_SET);
        Fact stat = FactLists.latestRecorded(FactLists.ofTypes(facts, ProjectEvents.STATISTICALLY_REGISTERED), f -> "stat").get("stat");
        Map<YearMonth, Fact> reports = new TreeMap<>(FactLists.latestRecorded(
                FactLists.ofTypes(facts, ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED), f -> month(f.data(), "month")));
        Timeline timeline = new Timeline();
        Project project = null;
        int i = 0;
        while (i < history.size()) {
            LocalDate day = history.get(i).effectiveDate();
            while (i < history.size() && history.get(i).effectiveDate().equals(day)) {
                project = ProjectReplay.apply(project, history.get(i++));
            }
            LocalDate next = i < history.size() ? history.get(i).effectiveDate() : null;
            if (project != null && project.isKey()) {
                timeline.addAll(entries(project, stat, reports), day, next);
            }
        }
        return timeline.rows();
    }

    /** What the project contributes while it is in the state it has now. */
    private static List<LedgerEntry> entries(Project p, Fact stat, Map<YearMonth, Fact> reports) {
        LedgerEntry.Subject subject = new LedgerEntry.Subject("project", p.id, p.code, attributes(p));
        List<LedgerEntry> out = new ArrayList<>();
        boolean cancelled = p.cancelled();
        List<Fact> history = List.copyOf(p.history);
        if (!cancelled) {
            out.add(subject.entry("projects.registered", p.orgUnit).count().evidence(history).build());
            for (Map.Entry<Integer, Plan> entry : new TreeMap<>(p.plans).entrySet()) {
                int year = entry.getKey();
                Plan plan = entry.getValue();
                out.add(subject.entry("projects.planned", p.orgUnit).count().scopeYear(year).evidence(history).build());
                if (plan.startMonth() != null && plan.startMonth().getYear() == year) {
                    out.add(subject.entry("projects.start-rate", p.orgUnit).hit(p.started).scopeYear(year)
                            .evidence(history).build());
                }
                // The whole period's planned investment is the rate's denominator, month by month.
                for (int m = 1; m <= 12; m++) {
                    out.add(subject.entry("projects.investment-completion-rate", p.orgUnit)
                            .ratio(BigDecimal.ZERO, plan.plannedIn(m))
                            .occurredOn(YearMonth.of(year, m).atEndOfMonth()).untilPeriodEnd()
                            .recordFlags(firstMonthOf(m)).evidence(plan.fact()).build());
                }
            }
        }
        for (int s = 0; s < STAGES_COUNTED.length; s++) {
            Fact entered = p.entered(STAGES_COUNTED[s]);
            if (entered != null) {
                out.add(subject.entry(STAGE_KPIS[s], p.orgUnit).count().occurredOn(entered.effectiveDate())
                        .evidence(entered).build());
            }
        }
        if (stat != null) {
            out.add(subject.entry("projects.stat-registered", p.orgUnit).count().occurredOn(stat.effectiveDate())
                    .evidence(stat).build());
        }
        List<LedgerEntry> completed = new ArrayList<>();
        Map<Integer, List<LedgerEntry>> unplannedByYear = new TreeMap<>();
        for (Map.Entry<YearMonth, Fact> report : reports.entrySet()) {
            YearMonth month = report.getKey();
            BigDecimal amount = decimal(report.getValue().data(), "amount");
            LocalDate monthEnd = month.atEndOfMonth();
            completed.add(subject.entry("projects.investment-completed", p.orgUnit).amount(amount).occurredOn(monthEnd)
                    .evidence(report.getValue()).build());
            if (cancelled) {
                // A cancelled project leaves the completion rate altogether (numerator and denominator).
                continue;
            }
            boolean planned = p.plans.containsKey(month.getYear());
            LedgerEntry rate = subject.entry("projects.investment-completion-rate", p.orgUnit)
                    .ratio(amount, BigDecimal.ZERO).occurredOn(monthEnd).recordFlags(0).evidence(report.getValue()).build();
            if (planned) {
                out.add(rate);
            } else {
                // Without a plan for its year, the project's reports are its contribution (against no planned amount).
                unplannedByYear.computeIfAbsent(month.getYear(), y -> new ArrayList<>()).add(rate);
            }
        }
        out.addAll(Timeline.firstOfEachPeriod(completed));
        unplannedByYear.values().forEach(list -> out.addAll(Timeline.firstOfEachPeriod(list)));
        return out;
    }

    /** The month a window of each kind starts with counts the plan as one contribution. */
    private static int firstMonthOf(int month) {
        int flags = LedgerEntry.IN_MONTH;
        if ((month - 1) % 3 == 0) {
            flags |= LedgerEntry.IN_QUARTER;
        }
        if (month == 1) {
            flags |= LedgerEntry.IN_YEAR;
        }
        return flags;
    }

    private static Map<String, String> attributes(Project p) {
        Map<String, String> attributes = new HashMap<>();
        if (p.sector != null) {
            attributes.put("sector", p.sector);
        }
        if (p.constructionType != null) {
            attributes.put("constructionType", p.constructionType);
        }
        attributes.put("sizeClass", p.sizeClass());
        return attributes;
    }
}
