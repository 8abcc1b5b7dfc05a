package io.citykpi.gateway.projects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The gateway's view of one project, built only from events on citykpi.projects.v1. */
@Entity
@Table(name = "project_fact")
public class ProjectFact extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(nullable = false, length = 40)
    public String code;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    /** 万元. */
    @Column(name = "total_investment", nullable = false, precision = 14, scale = 2)
    public BigDecimal totalInvestment;

    @Column(nullable = false, length = 30)
    public String stage;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
