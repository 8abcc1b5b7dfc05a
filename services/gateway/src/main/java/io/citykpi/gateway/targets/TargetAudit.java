package io.citykpi.gateway.targets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to a target, kept for good. */
@Entity
@Table(name = "kpi_target_audit")
public class TargetAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int year;

    @Column(name = "kpi_id")
    public String kpiId;

    @Column(name = "org_unit")
    public String orgUnit;

    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_target", columnDefinition = "jsonb")
    public TargetView.Snapshot oldTarget;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_target", columnDefinition = "jsonb")
    public TargetView.Snapshot newTarget;

    /** User name of who made the change (preferred_username, or a service account's client id). */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** Token subject of the same user; null for changes made before tokens were checked. */
    @Column(name = "changed_by_id")
    public String changedById;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
