package io.citykpi.projects.plan;

import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** A project's plan for one year. Money in 万元. */
@Entity
@Table(name = "project_plan")
@IdClass(AnnualPlan.Key.class)
public class AnnualPlan extends UpdatedEntity {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    @Column(name = "plan_year")
    public int year;

    @Column(name = "planned_investment", nullable = false, precision = 14, scale = 2)
    public BigDecimal plannedInvestment;

    @Column(name = "planned_start_month")
    public YearMonth plannedStartMonth;

    @Column(name = "planned_completion_month")
    public YearMonth plannedCompletionMonth;

    @Column(name = "planned_production_month")
    public YearMonth plannedProductionMonth;

    @Column(name = "monthly_investment", length = 400)
    String monthlyInvestmentText;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Jan..Dec, or null when the plan is phased evenly over the year. */
    public List<BigDecimal> monthlyInvestment() {
        return monthlyInvestmentText == null ? null
                : Arrays.stream(monthlyInvestmentText.split(",")).map(BigDecimal::new).toList();
    }

    public void monthlyInvestment(List<BigDecimal> months) {
        monthlyInvestmentText = months == null ? null
                : months.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","));
    }

    public static List<AnnualPlan> forProject(UUID projectId) {
        return list("projectId = ?1 order by year", projectId);
    }

    public static class Key implements Serializable {
        public UUID projectId;
        public int year;

        public Key() {
        }

        public Key(UUID projectId, int year) {
            this.projectId = projectId;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && year == other.year && Objects.equals(projectId, other.projectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, year);
        }
    }
}
