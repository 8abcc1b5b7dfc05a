package io.citykpi.projects.plan;

import io.citykpi.projects.project.Project;
import io.citykpi.projects.project.ProjectDetailView;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.projects.project.ProjectService;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Annual plans: the denominators of start rate and investment completion rate. */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final ProjectService projects;

    public PlanService(Outbox outbox, Clock clock, ProjectService projects) {
        this.outbox = outbox;
        this.clock = clock;
        this.projects = projects;
    }

    public record Result(ProjectDetailView.PlanView plan, boolean created) {
    }

    @Transactional
    public Result set(UUID projectId, int year, PlanRequest request) {
        validate(request);
        Project project = projects.lockForWrite(projectId);
        if (project.stage == ProjectStage.CANCELLED) {
            throw ProblemException.conflict("project-cancelled", "project " + project.code
                    + " is cancelled; it gets no new plans", Map.of("currentStage", project.stage));
        }
        LocalDate adoptedOn = request.adoptedOn() != null ? request.adoptedOn() : BusinessTime.today(clock);
        if (project.registeredOn != null && adoptedOn.isBefore(project.registeredOn)) {
            throw InvalidFieldsException.of("adoptedOn", "NotBeforeRegistration",
                    "must not be before the project was registered (" + project.registeredOn + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        AnnualPlan plan = AnnualPlan.findById(new AnnualPlan.Key(projectId, year));
        boolean created = plan == null;
        ProjectEvents.Plan previous = created ? null : snapshot(plan);
        if (created) {
            plan = new AnnualPlan();
            plan.projectId = projectId;
            plan.year = year;
            plan.recordedAt = now;
        }
        plan.plannedInvestment = request.plannedInvestment().setScale(2, RoundingMode.UNNECESSARY);
        plan.plannedStartMonth = request.plannedStartMonth();
        plan.plannedCompletionMonth = request.plannedCompletionMonth();
        plan.plannedProductionMonth = request.plannedProductionMonth();
        plan.monthlyInvestment(request.monthlyInvestment() == null ? null
                : request.monthlyInvestment().stream().map(a -> a.setScale(2, RoundingMode.UNNECESSARY)).toList());
        ProjectEvents.Plan current = snapshot(plan);
        if (current.equals(previous)) {
            return new Result(ProjectDetailView.PlanView.of(plan), false);
        }
        plan.updatedAt = now;
        plan.persistAndFlush();
        outbox.append(ProjectEvents.PLAN_SET, projectId.toString(), project.orgUnit,
                new ProjectEvents.ProjectPlanSet(projectId, project.code, project.orgUnit, year, current, previous,
                        adoptedOn));
        LOG.infof("%s the %d plan of project %s: %s万元", created ? "Set" : "Replaced", year, project.code,
                plan.plannedInvestment.toPlainString());
        return new Result(ProjectDetailView.PlanView.of(plan), created);
    }

    private static void validate(PlanRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        notBefore(errors, "plannedCompletionMonth", request.plannedCompletionMonth(), request.plannedStartMonth());
        notBefore(errors, "plannedProductionMonth", request.plannedProductionMonth(), request.plannedStartMonth());
        if (request.monthlyInvestment() != null && request.monthlyInvestment().stream().allMatch(java.util.Objects::nonNull)) {
            BigDecimal sum = request.monthlyInvestment().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(request.plannedInvestment()) != 0) {
                errors.add(new Problem.FieldError("monthlyInvestment", "SumEqualsPlannedInvestment",
                        "adds up to " + sum.toPlainString() + "万元, not the planned "
                                + request.plannedInvestment().toPlainString() + "万元"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    private static void notBefore(List<Problem.FieldError> errors, String field, YearMonth month, YearMonth start) {
        if (month != null && start != null && month.isBefore(start)) {
            errors.add(new Problem.FieldError(field, "NotBeforeStart", "must not be before plannedStartMonth " + start));
        }
    }

    private static ProjectEvents.Plan snapshot(AnnualPlan plan) {
        return new ProjectEvents.Plan(plan.plannedInvestment, plan.plannedStartMonth, plan.plannedCompletionMonth,
                plan.plannedProductionMonth, plan.monthlyInvestment());
    }
}
