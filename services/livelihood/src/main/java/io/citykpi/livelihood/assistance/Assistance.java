package io.citykpi.livelihood.assistance;

import io.citykpi.shared.contract.livelihood.AssistanceCategory;
import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Social assistance one unit disbursed in one month and category: 万元 and beneficiary-times (人次). */
@Entity
@Table(name = "assistance")
@IdClass(Assistance.Key.class)
public class Assistance extends UpdatedEntity {

    @Id
    @Column(name = "org_unit")
    public String orgUnit;

    @Id
    @Column(name = "report_month")
    public LocalDate monthStart;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    public AssistanceCategory category;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "beneficiary_times", nullable = false)
    public int beneficiaryTimes;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static class Key implements Serializable {
        public String orgUnit;
        public LocalDate monthStart;
        public AssistanceCategory category;

        public Key() {
        }

        public Key(String orgUnit, LocalDate monthStart, AssistanceCategory category) {
            this.orgUnit = orgUnit;
            this.monthStart = monthStart;
            this.category = category;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(orgUnit, k.orgUnit) && Objects.equals(monthStart, k.monthStart)
                    && category == k.category;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgUnit, monthStart, category);
        }
    }
}
