package io.citykpi.investment.deal;

import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A change of a deal's contract amount, with its reason: the audit trail of 合同金额. */
@Entity
@Table(name = "contract_amendment")
public class ContractAmendment extends RecordedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(name = "previous_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal previousAmount;

    @Column(name = "new_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal newAmount;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<ContractAmendment> forDeal(UUID dealId) {
        return list("dealId = ?1 order by id", dealId);
    }
}
