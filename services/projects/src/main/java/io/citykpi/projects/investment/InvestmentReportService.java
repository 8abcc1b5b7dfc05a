package io.citykpi.projects.investment;

import io.citykpi.projects.project.Project;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.projects.project.ProjectService;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.projects.stage.StageChange;
import io.citykpi.shared.monthly.MonthlyFigures;
import io.citykpi.shared.time.SubmittedOn;
import io.citykpi.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Monthly investment completed (完成投资): reported after the month, corrected by reporting it again. */
@ApplicationScoped
public class InvestmentReportService {

    static final String CUMULATIVE_EXCEEDS_TOTAL = ProjectEvents.CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT;
    private static final Logger LOG = Logger.getLogger(InvestmentReportService.class);

    private final MonthlyFigures figures;
    private final Clock clock;
    private final ProjectService projects;

    public InvestmentReportService(MonthlyFigures figures, Clock clock, ProjectService projects) {
        this.figures = figures;
        this.clock = clock;
        this.projects = projects;
    }

    public record Result(InvestmentReportView report, boolean created) {
    }

    @Transactional
    public Result report(UUID projectId, YearMonth month, InvestmentReportRequest request) {
        Project project = projects.lockForWrite(projectId);
        if (project.stage == ProjectStage.CANCELLED) {
            throw ProblemException.conflict("project-cancelled", "project " + project.code
                    + " is cancelled; it reports no investment", Map.of("currentStage", project.stage));
        }
        LocalDate preparation = StageChange.preparationReachedOn(projectId).orElse(null);
        if (!project.stage.hasReachedPreparation() || preparation == null) {
            throw ProblemException.conflict("not-in-preparation", "project " + project.code + " is " + project.stage
                    + "; investment is reported from the preparation stage (前期) on",
                    Map.of("currentStage", project.stage));
        }
        if (month.isBefore(YearMonth.from(preparation))) {
            throw ProblemException.conflict("before-preparation", "project " + project.code + " reached preparation on "
                    + preparation + "; no investment can be reported for " + month,
                    Map.of("preparationReachedOn", preparation));
        }
        BigDecimal amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        LocalDate submittedOn = SubmittedOn.resolve(request.submittedOn(), month, clock);
        // The project is locked (lockForWrite): reports of its months apply one after the other.
        MonthlyFigures.Outcome<InvestmentReport, BigDecimal> outcome = figures.report(MonthlyFigures.kind(
                        () -> InvestmentReport.find(projectId, month),
                        now -> {
                            InvestmentReport report = new InvestmentReport();
                            report.projectId = projectId;
                            report.monthStart = month.atDay(1);
                            report.recordedAt = now;
                            return report;
                        },
                        report -> report.amount,
                        (report, value, now) -> {
                            report.amount = value;
                            report.updatedAt = now;
                            report.persistAndFlush();
                        },
                        MonthlyFigures::sameAmount),
                amount,
                new MonthlyFigures.Event<>(ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.INVESTMENT_CORRECTED,
                        projectId.toString(), project.orgUnit, written -> {
                            InvestmentReportView view = view(project, written.row(), written.previous(),
                                    InvestmentReport.cumulative(projectId));
                            return new ProjectEvents.ProjectInvestmentReported(projectId, project.code, project.orgUnit,
                                    month, amount, written.previous(), view.cumulativeAmount(), project.totalInvestment,
                                    view.warnings().stream().map(InvestmentReportView.Warning::code).toList(),
                                    submittedOn, month.atEndOfMonth());
                        }));
        BigDecimal cumulative = InvestmentReport.cumulative(projectId);
        InvestmentReportView view = view(project, outcome.row(), outcome.previous(), cumulative);
        if (!outcome.changed()) {
            return new Result(view, false);
        }
        if (outcome.created()) {
            LOG.infof("Project %s reported %s万元 for %s (cumulative %s万元)", project.code, amount.toPlainString(), month,
                    cumulative.toPlainString());
        } else {
            LOG.infof("Project %s corrected %s from %s万元 to %s万元", project.code, month,
                    outcome.previous().toPlainString(), amount.toPlainString());
        }
        view.warnings().forEach(w -> LOG.warnf("Data quality, project %s %s: %s", project.code, month, w.message()));
        return new Result(view, outcome.created());
    }

    private static InvestmentReportView view(Project project, InvestmentReport report, BigDecimal previous,
                                             BigDecimal cumulative) {
        List<InvestmentReportView.Warning> warnings = new ArrayList<>();
        if (cumulative.compareTo(project.totalInvestment) > 0) {
            warnings.add(new InvestmentReportView.Warning(CUMULATIVE_EXCEEDS_TOTAL, "cumulative investment "
                    + cumulative.toPlainString() + "万元 exceeds total investment "
                    + project.totalInvestment.toPlainString() + "万元"));
        }
        return new InvestmentReportView(project.id, report.month(), report.amount, previous, cumulative,
                project.totalInvestment, warnings);
    }
}
