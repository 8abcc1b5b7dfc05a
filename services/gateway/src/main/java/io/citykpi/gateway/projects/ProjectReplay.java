package io.citykpi.gateway.projects;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.Payload;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.contract.projects.SizeClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A key project's life as its facts tell it, replayed in history order (business date, then recording
 * order): where it belongs, its total investment, its stages, its plans per year. The replay engine
 * reads it on one cut-off date; the ledger rules on every date at which it changes.
 */
final class ProjectReplay {

    static final Set<String> TYPES = Set.of(ProjectEvents.REGISTERED, ProjectEvents.UPDATED, ProjectEvents.STAGE_CHANGED, ProjectEvents.PLAN_SET, ProjectEvents.STATISTICALLY_REGISTERED,
            ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED);
    static final Set<String> REPLAYED = Set.of(ProjectEvents.REGISTERED, ProjectEvents.UPDATED, ProjectEvents.STAGE_CHANGED, ProjectEvents.PLAN_SET);

    /** The contract's key-project threshold (500万元), so the gateway and the register agree on "key". */
    static final BigDecimal KEY_PROJECT_THRESHOLD = SizeClass.KEY_THRESHOLD;
    private static final Set<ProjectStage> STARTED_STAGES = EnumSet.of(ProjectStage.UNDER_CONSTRUCTION,
            ProjectStage.COMPLETED, ProjectStage.IN_PRODUCTION);

    private ProjectReplay() {
    }

    /**
     * Applies one fact of the project's history. A registration starts the project afresh; facts before
     * it are ignored, and so are facts of types that do not change its state (reports).
     *
     * @return the project after the fact (null while it is not registered)
     */
    static Project apply(Project project, Fact f) {
        if (ProjectEvents.REGISTERED.equals(f.type())) {
            ProjectEvents.ProjectRegistered registered = f.payload(ProjectEvents.ProjectRegistered.class);
            project = new Project(f.subject(), registered.code(), f.orgUnit());
            project.totalInvestment = registered.totalInvestment();
            project.sector = registered.sector() == null ? null : registered.sector().name();
            project.constructionType = registered.constructionType() == null ? null : registered.constructionType().name();
            project.enter(registered.stage(), f, false);
        } else if (project == null || !REPLAYED.contains(f.type())) {
            return project;
        } else if (ProjectEvents.UPDATED.equals(f.type())) {
            ProjectEvents.ProjectUpdated updated = f.payload(ProjectEvents.ProjectUpdated.class);
            Map<String, ProjectEvents.Change> changes = updated.changes();
            if (changes.containsKey("orgUnit")) {
                project.orgUnit = f.orgUnit();
            }
            if (changes.containsKey("totalInvestment")) {
                project.totalInvestment = updated.newTotalInvestment();
            }
            if (changes.get("sector") != null && changes.get("sector").to() instanceof String sector) {
                project.sector = sector;
            }
            if (changes.get("constructionType") != null && changes.get("constructionType").to() instanceof String type) {
                project.constructionType = type;
            }
        } else if (ProjectEvents.STAGE_CHANGED.equals(f.type())) {
            project.enter(f.payload(ProjectEvents.ProjectStageChanged.class).toStage(), f, true);
        } else if (ProjectEvents.PLAN_SET.equals(f.type())) {
            ProjectEvents.ProjectPlanSet set = f.payload(ProjectEvents.ProjectPlanSet.class);
            project.plans.put(set.year(), plan(set).withFact(f));
        }
        project.history.add(f);
        return project;
    }

    /** The year's plan of a plan-set payload; its planned start month must lie in the range the gateway places in time. */
    static Plan plan(ProjectEvents.ProjectPlanSet set) {
        ProjectEvents.Plan plan = set.plan();
        if (plan.plannedStartMonth() != null) {
            Payload.inRange(plan.plannedStartMonth().atDay(1), "plan.plannedStartMonth");
        }
        return new Plan(plan.plannedInvestment(), plan.plannedStartMonth(), plan.monthlyInvestment(), null);
    }

    record Plan(BigDecimal plannedInvestment, YearMonth startMonth, List<BigDecimal> monthly, Fact fact) {

        Plan withFact(Fact f) {
            return new Plan(plannedInvestment, startMonth, monthly, f);
        }

        /** The plan's investment for one month (an even twelfth if no phasing was given). */
        BigDecimal plannedIn(int month) {
            return monthly != null ? monthly.get(month - 1)
                    : plannedInvestment.divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
        }
    }

    static final class Project {
        final String id;
        final String code;
        String orgUnit;
        BigDecimal totalInvestment;
        String sector;
        String constructionType;
        ProjectStage stage;
        boolean started;
        final Map<Integer, Plan> plans = new HashMap<>();
        final Map<ProjectStage, Fact> firstEntered = new EnumMap<>(ProjectStage.class);
        final List<Fact> history = new ArrayList<>();

        Project(String id, String code, String orgUnit) {
            this.id = id;
            this.code = code;
            this.orgUnit = orgUnit;
        }

        /** A project registered as already under construction has started, but not inside any window. */
        void enter(ProjectStage newStage, Fact fact, boolean byStageChange) {
            stage = newStage;
            started |= STARTED_STAGES.contains(newStage);
            if (byStageChange) {
                firstEntered.putIfAbsent(newStage, fact);
            }
        }

        boolean isKey() {
            return totalInvestment.compareTo(KEY_PROJECT_THRESHOLD) >= 0;
        }

        boolean cancelled() {
            return stage == ProjectStage.CANCELLED;
        }

        /** 亿元以上 and 10亿元以上 size classes, for breakdowns. */
        String sizeClass() {
            return SizeClass.of(totalInvestment).name();
        }

        /** The day the project first entered a stage by a stage change, if it did by the cut-off. */
        Fact entered(ProjectStage target) {
            return firstEntered.get(target);
        }
    }

    /** The facts of the project known by a cut-off, replayed: null when it was not registered by then. */
    static Project onCutoff(List<Fact> historyOrdered, LocalDate cutoff) {
        Project project = null;
        for (Fact f : historyOrdered) {
            if (!f.effectiveBy(cutoff)) {
                break;
            }
            project = apply(project, f);
        }
        return project;
    }
}
