package io.citykpi.safety.hazard;

import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A request to move a hazard's deadline, and its decision. At most two per hazard. */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "hazard_id", nullable = false)
    public UUID hazardId;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "requested_deadline", nullable = false)
    public LocalDate requestedDeadline;

    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ExtensionStatus status;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decision_note", length = 500)
    public String decisionNote;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<DeadlineExtension> of(UUID hazardId) {
        return list("hazardId = ?1 order by recordedAt", hazardId);
    }
}
