package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ConstructionType;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.contract.projects.SizeClass;
import io.citykpi.shared.persistence.UpdatedEntity;
import io.citykpi.shared.sector.Sector;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A key project on the district's register. Money in 万元. */
@Entity
@Table(name = "project")
public class Project extends UpdatedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 40)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public Sector sector;

    @Enumerated(EnumType.STRING)
    @Column(name = "construction_type", nullable = false, length = 30)
    public ConstructionType constructionType;

    @Column(name = "total_investment", nullable = false, precision = 14, scale = 2)
    public BigDecimal totalInvestment;

    @Column(name = "lead_unit", length = 100)
    public String leadUnit;

    @Column(length = 200)
    public String location;

    @Column(length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ProjectStage stage;

    /** Effective date: when the project entered the register. */
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    /** Effective date of statistical registration (入库); null while not registered. */
    @Column(name = "stat_registered_on")
    public LocalDate statRegisteredOn;

    /** When the service recorded it. */
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public SizeClass sizeClass() {
        return SizeClass.of(totalInvestment);
    }

    /** Loads the project and locks it, so that changes to one project (and their events) happen one at a time. */
    public static Optional<Project> findForUpdate(UUID id) {
        return Optional.ofNullable(Project.<Project>findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public static Optional<Project> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
