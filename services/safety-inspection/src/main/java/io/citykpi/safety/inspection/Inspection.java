package io.citykpi.safety.inspection;

import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One inspection of one place. Penalty amounts in 万元. */
@Entity
@Table(name = "inspection")
public class Inspection extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public SafetyDomain domain;

    @Enumerated(EnumType.STRING)
    @Column(name = "place_type", nullable = false, length = 30)
    public PlaceType placeType;

    @Column(name = "place_name", nullable = false, length = 200)
    public String placeName;

    @Column(length = 300)
    public String address;

    @Column(name = "inspected_on", nullable = false)
    public LocalDate inspectedOn;

    @Column(nullable = false, length = 200)
    public String team;

    /** "监管+专家": experts took part. */
    @Column(name = "with_experts", nullable = false)
    public boolean withExperts;

    @Column(length = 300)
    public String experts;

    @Column(name = "project_code", length = 40)
    public String projectCode;

    @Column(name = "penalties_issued")
    public Integer penaltiesIssued;

    @Column(name = "penalty_amount", precision = 14, scale = 2)
    public BigDecimal penaltyAmount;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
