package io.citykpi.livelihood.hotline;

import io.citykpi.shared.contract.livelihood.CaseType;
import io.citykpi.shared.contract.livelihood.Feedback;
import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A 12345 hotline case (工单), from receipt to feedback. */
@Entity
@Table(name = "hotline_case")
public class HotlineCase extends UpdatedEntity {

    @Id
    @Column(name = "case_number", length = 40)
    public String caseNumber;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "case_type", nullable = false, length = 20)
    public CaseType type;

    /** 未诉先办: the city acted before anyone called. */
    @Column(nullable = false)
    public boolean proactive;

    @Column(length = 1000)
    public String summary;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "response_due_at", nullable = false)
    public OffsetDateTime responseDueAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CaseStatus status;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "accepted_on_time")
    public Boolean acceptedOnTime;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public Boolean solved;

    @Column(name = "resolved_on_time")
    public Boolean resolvedOnTime;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    public Feedback feedback;

    @Column(name = "feedback_at")
    public OffsetDateTime feedbackAt;

    @Column(name = "rework_count", nullable = false)
    public int reworkCount;

    @Column(nullable = false)
    public boolean escalated;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Not resolved and past its due time. */
    public boolean isOverdueAt(OffsetDateTime now) {
        return (status == CaseStatus.RECEIVED || status == CaseStatus.ACCEPTED) && now.isAfter(dueAt);
    }

    public static Optional<HotlineCase> findForUpdate(String caseNumber) {
        return Optional.ofNullable(HotlineCase.<HotlineCase>findById(caseNumber, LockModeType.PESSIMISTIC_WRITE));
    }
}
