package io.citykpi.gateway.targets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A target for one year, KPI and org unit, in the KPI's unit. */
@Entity
@Table(name = "kpi_target")
@IdClass(KpiTarget.Key.class)
public class KpiTarget extends PanacheEntityBase {

    @Id
    public int year;

    @Id
    @Column(name = "kpi_id")
    public String kpiId;

    @Id
    @Column(name = "org_unit")
    public String orgUnit;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal value;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<PhasePoint> phasing = new ArrayList<>();

    public String note;

    @Version
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** User name of who set or changed it last (from the bearer token). */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Token subject of the same user. */
    @Column(name = "updated_by_id")
    public String updatedById;

    public record Key(int year, String kpiId, String orgUnit) implements Serializable {
        public Key() {
            this(0, null, null);
        }
    }

    public static List<KpiTarget> ofYear(int year) {
        return list("year", year);
    }
}
