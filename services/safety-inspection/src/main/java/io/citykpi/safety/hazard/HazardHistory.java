package io.citykpi.safety.hazard;

import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Everything that happened to a hazard, in order: what leaders ask for when a hazard is escalated. */
@Entity
@Table(name = "hazard_history")
public class HazardHistory extends RecordedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "hazard_id", nullable = false)
    public UUID hazardId;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(length = 1000)
    public String detail;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<HazardHistory> of(UUID hazardId) {
        return list("hazardId = ?1 order by id", hazardId);
    }

    static void record(UUID hazardId, String action, LocalDate effectiveDate, String detail, OffsetDateTime now) {
        HazardHistory entry = new HazardHistory();
        entry.hazardId = hazardId;
        entry.action = action;
        entry.effectiveDate = effectiveDate;
        entry.detail = detail;
        entry.recordedAt = now;
        entry.persist();
    }
}
