package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.projects.investment.InvestmentReport;
import io.citykpi.projects.plan.AnnualPlan;
import io.citykpi.projects.stage.StageChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProjectDetail", description = "A project with its plans, stage history and monthly investment")
public record ProjectDetailView(
        ProjectView project,
        @Schema(description = "Annual plans, by year") List<PlanView> plans,
        @Schema(description = "Every stage it has been in, oldest first") List<StageChangeView> stageHistory,
        @Schema(description = "Investment completed per month, oldest first") List<InvestmentView> investmentReports,
        @Schema(description = "Sum of every reported month, 万元", example = "12600.00") BigDecimal cumulativeInvestment) {

    @Schema(name = "AnnualPlan")
    public record PlanView(
            @Schema(example = "2025") int year,
            @Schema(description = "Planned investment for the year, 万元", example = "20900.00") BigDecimal plannedInvestment,
            @Schema(example = "2025-03") YearMonth plannedStartMonth,
            @Schema(example = "2025-11") YearMonth plannedCompletionMonth,
            @Schema(example = "2025-12") YearMonth plannedProductionMonth,
            @Schema(description = "Phasing of the planned investment Jan..Dec, 万元; null = even over the year")
            List<BigDecimal> monthlyInvestment,
            OffsetDateTime updatedAt) {

        public static PlanView of(AnnualPlan plan) {
            return new PlanView(plan.year, plan.plannedInvestment, plan.plannedStartMonth, plan.plannedCompletionMonth,
                    plan.plannedProductionMonth, plan.monthlyInvestment(), plan.updatedAt);
        }
    }

    @Schema(name = "StageChange")
    public record StageChangeView(ProjectStage fromStage, ProjectStage toStage,
                                  @Schema(example = "2025-04-18") LocalDate effectiveDate, String note,
                                  OffsetDateTime recordedAt) {

        public static StageChangeView of(StageChange change) {
            return new StageChangeView(change.fromStage, change.toStage, change.effectiveDate, change.note,
                    change.recordedAt);
        }
    }

    @Schema(name = "MonthlyInvestment")
    public record InvestmentView(@Schema(example = "2025-04") YearMonth month,
                                 @Schema(description = "万元", example = "3200.00") BigDecimal amount,
                                 OffsetDateTime recordedAt, OffsetDateTime updatedAt) {

        public static InvestmentView of(InvestmentReport report) {
            return new InvestmentView(report.month(), report.amount, report.recordedAt, report.updatedAt);
        }
    }
}
