package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.HazardStatus;
import io.citykpi.shared.contract.safety.Severity;
import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A hazard (隐患) found in an inspection, with its rectification loop. */
@Entity
@Table(name = "hazard")
public class Hazard extends UpdatedEntity {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public SafetyDomain domain;

    @Enumerated(EnumType.STRING)
    @Column(name = "place_type", nullable = false, length = 30)
    public PlaceType placeType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Severity severity;

    @Column(nullable = false, length = 1000)
    public String description;

    @Column(name = "found_on", nullable = false)
    public LocalDate foundOn;

    @Column(name = "original_deadline", nullable = false)
    public LocalDate originalDeadline;

    /** The deadline in force: the original one or the latest approved extension. */
    @Column(nullable = false)
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public HazardStatus status;

    @Column(name = "rectified_on")
    public LocalDate rectifiedOn;

    @Column(length = 1000)
    public String measures;

    @Column(name = "verified_on")
    public LocalDate verifiedOn;

    /** 挂牌督办. */
    @Column(name = "listed_on")
    public LocalDate listedOn;

    @Column(name = "supervising_unit", length = 100)
    public String supervisingUnit;

    /** The deadline whose overdue event went out; guards "exactly one event per hazard and deadline". */
    @Column(name = "overdue_notified_deadline")
    public LocalDate overdueNotifiedDeadline;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Past its deadline, not rectified, and no approved extension covers the day. */
    public boolean isOverdueOn(LocalDate day) {
        return status == HazardStatus.OPEN && deadline.isBefore(day);
    }

    public static Optional<Hazard> findForUpdate(UUID id) {
        return Optional.ofNullable(Hazard.<Hazard>findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
