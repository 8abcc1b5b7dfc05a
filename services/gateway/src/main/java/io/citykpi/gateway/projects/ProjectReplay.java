package io.citykpi.gateway.projects;

import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.integer;
import static io.citykpi.gateway.facts.Payload.object;
import static io.citykpi.gateway.facts.Payload.optionalMonth;
import static io.citykpi.gateway.facts.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.UnusableEventException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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

    static final String REGISTERED = "citykpi.projects.project-registered.v1";
    static final String UPDATED = "citykpi.projects.project-updated.v1";
    static final String STAGE_CHANGED = "citykpi.projects.project-stage-changed.v1";
    static final String PLAN_SET = "citykpi.projects.project-plan-set.v1";
    static final String STAT_REGISTERED = "citykpi.projects.project-statistically-registered.v1";
    static final String INVESTMENT_REPORTED = "citykpi.projects.project-investment-reported.v1";
    static final String INVESTMENT_CORRECTED = "citykpi.projects.project-investment-corrected.v1";

    static final Set<String> TYPES = Set.of(REGISTERED, UPDATED, STAGE_CHANGED, PLAN_SET, STAT_REGISTERED,
            INVESTMENT_REPORTED, INVESTMENT_CORRECTED);
    static final Set<String> REPLAYED = Set.of(REGISTERED, UPDATED, STAGE_CHANGED, PLAN_SET);

    static final BigDecimal KEY_PROJECT_THRESHOLD = new BigDecimal("500");
    static final String CANCELLED = "CANCELLED";
    private static final Set<String> STARTED_STAGES = Set.of("UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION");

    private ProjectReplay() {
    }

    /**
     * Applies one fact of the project's history. A registration starts the project afresh; facts before
     * it are ignored, and so are facts of types that do not change its state (reports).
     *
     * @return the project after the fact (null while it is not registered)
     */
    static Project apply(Project project, Fact f) {
        JsonNode data = f.data();
        if (REGISTERED.equals(f.type())) {
            project = new Project(f.subject(), text(data, "code"), f.orgUnit());
            project.totalInvestment = decimal(data, "totalInvestment");
            project.sector = data.path("sector").asText(null);
            project.constructionType = data.path("constructionType").asText(null);
            project.enter(text(data, "stage"), f, false);
        } else if (project == null || !REPLAYED.contains(f.type())) {
            return project;
        } else if (UPDATED.equals(f.type())) {
            JsonNode changes = data.get("changes");
            if (changes.has("orgUnit")) {
                project.orgUnit = f.orgUnit();
            }
            if (changes.has("totalInvestment")) {
                project.totalInvestment = decimal(changes.get("totalInvestment"), "to");
            }
            if (changes.path("sector").path("to").isTextual()) {
                project.sector = changes.get("sector").get("to").asText();
            }
            if (changes.path("constructionType").path("to").isTextual()) {
                project.constructionType = changes.get("constructionType").get("to").asText();
            }
        } else if (STAGE_CHANGED.equals(f.type())) {
            project.enter(text(data, "toStage"), f, true);
        } else if (PLAN_SET.equals(f.type())) {
            project.plans.put(integer(data, "year"), plan(data).withFact(f));
        }
        project.history.add(f);
        return project;
    }

    static Plan plan(JsonNode data) {
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

        boolean cancelled() {
            return CANCELLED.equals(stage);
        }

        /** 亿元以上 and 10亿元以上 size classes, for breakdowns. */
        String sizeClass() {
            return totalInvestment.compareTo(new BigDecimal("100000")) >= 0 ? "OVER_1B"
                    : totalInvestment.compareTo(new BigDecimal("10000")) >= 0 ? "OVER_100M" : "KEY";
        }

        /** The day the project first entered a stage by a stage change, if it did by the cut-off. */
        Fact entered(String target) {
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
