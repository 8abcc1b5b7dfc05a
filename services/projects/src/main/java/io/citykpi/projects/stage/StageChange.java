package io.citykpi.projects.stage;

import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One step of a project's stage history; the first step is the stage it entered the register in. */
@Entity
@Table(name = "project_stage_change")
public class StageChange extends RecordedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", length = 30)
    public ProjectStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, length = 30)
    public ProjectStage toStage;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(length = 500)
    public String note;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<StageChange> history(UUID projectId) {
        return list("projectId = ?1 order by id", projectId);
    }

    public static Optional<StageChange> latest(UUID projectId) {
        return find("projectId = ?1 order by id desc", projectId).firstResultOptional();
    }

    /** The date the project first reached preparation or a later live stage. */
    public static Optional<LocalDate> preparationReachedOn(UUID projectId) {
        return history(projectId).stream()
                .filter(change -> change.toStage.hasReachedPreparation())
                .map(change -> change.effectiveDate)
                .findFirst();
    }
}
