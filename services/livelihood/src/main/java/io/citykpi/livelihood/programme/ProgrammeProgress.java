package io.citykpi.livelihood.programme;

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
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Quantity a programme completed in one month, as last reported. */
@Entity
@Table(name = "programme_progress")
@IdClass(ProgrammeProgress.Key.class)
public class ProgrammeProgress extends UpdatedEntity {

    @Id
    @Column(name = "programme_id")
    public UUID programmeId;

    /** First day of the month. */
    @Id
    @Column(name = "report_month")
    public LocalDate monthStart;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal quantity;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<ProgrammeProgress> of(UUID programmeId) {
        return list("programmeId = ?1 order by monthStart", programmeId);
    }

    public static BigDecimal completed(UUID programmeId) {
        return of(programmeId).stream().map(p -> p.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static class Key implements Serializable {
        public UUID programmeId;
        public LocalDate monthStart;

        public Key() {
        }

        public Key(UUID programmeId, LocalDate monthStart) {
            this.programmeId = programmeId;
            this.monthStart = monthStart;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(programmeId, k.programmeId) && Objects.equals(monthStart, k.monthStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(programmeId, monthStart);
        }
    }
}
