package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealStatus;
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
import java.util.UUID;

@Entity
@Table(name = "deal_status_change")
public class DealStatusChange extends RecordedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    public DealStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    public DealStatus toStatus;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(length = 500)
    public String note;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<DealStatusChange> history(UUID dealId) {
        return list("dealId = ?1 order by id", dealId);
    }
}
