package io.citykpi.projects.investment;

import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Investment completed by one project in one month (万元), as last reported. */
@Entity
@Table(name = "project_investment_report")
@IdClass(InvestmentReport.Key.class)
public class InvestmentReport extends UpdatedEntity {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    /** First day of the month (an id cannot go through an attribute converter). */
    @Id
    @Column(name = "report_month")
    public LocalDate monthStart;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public YearMonth month() {
        return YearMonth.from(monthStart);
    }

    public static List<InvestmentReport> forProject(UUID projectId) {
        return list("projectId = ?1 order by monthStart", projectId);
    }

    public static InvestmentReport find(UUID projectId, YearMonth month) {
        return findById(new Key(projectId, month.atDay(1)));
    }

    /** Sum over every reported month: investment completed since the project started reporting. */
    public static BigDecimal cumulative(UUID projectId) {
        return forProject(projectId).stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static class Key implements Serializable {
        public UUID projectId;
        public LocalDate monthStart;

        public Key() {
        }

        public Key(UUID projectId, LocalDate monthStart) {
            this.projectId = projectId;
            this.monthStart = monthStart;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(monthStart, other.monthStart)
                    && Objects.equals(projectId, other.projectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, monthStart);
        }
    }
}
