package io.citykpi.livelihood.employment;

import io.citykpi.shared.persistence.OrgUnitMonthKey;
import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Employment figures of one unit for one month. */
@Entity
@Table(name = "employment")
@IdClass(OrgUnitMonthKey.class)
public class Employment extends UpdatedEntity {

    @Id
    @Column(name = "org_unit")
    public String orgUnit;

    @Id
    @Column(name = "report_month")
    public LocalDate monthStart;

    @Column(name = "new_urban_jobs", nullable = false)
    public int newUrbanJobs;

    /** Percent; a rate, never summed across units. */
    @Column(name = "registered_unemployment_rate", precision = 5, scale = 2)
    public BigDecimal registeredUnemploymentRate;

    @Column(name = "graduate_placements", nullable = false)
    public int graduatePlacements;

    @Column(name = "veteran_placements", nullable = false)
    public int veteranPlacements;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
