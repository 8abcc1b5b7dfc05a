package io.citykpi.livelihood.programme;

import io.citykpi.shared.contract.livelihood.ProgrammeCategory;
import io.citykpi.shared.contract.livelihood.QuantityUnit;
import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A livelihood programme (民生实事) of one unit and year, with its planned quantity. */
@Entity
@Table(name = "programme")
public class Programme extends RecordedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 40)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public ProgrammeCategory category;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    @Column(name = "programme_year", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public QuantityUnit unit;

    @Column(name = "planned_quantity", nullable = false, precision = 14, scale = 2)
    public BigDecimal plannedQuantity;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static Optional<Programme> findForUpdate(UUID id) {
        return Optional.ofNullable(Programme.<Programme>findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
