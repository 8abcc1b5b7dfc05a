package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.FundSource;
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
import java.util.List;
import java.util.UUID;

/** Funds that arrived for a deal on one day (到位资金), 万元. */
@Entity
@Table(name = "fund_arrival")
public class FundArrival extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(name = "arrived_on", nullable = false)
    public LocalDate arrivedOn;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public FundSource source;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<FundArrival> forDeal(UUID dealId) {
        return list("dealId = ?1 order by arrivedOn, recordedAt", dealId);
    }

    public static BigDecimal total(UUID dealId) {
        return forDeal(dealId).stream().map(a -> a.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
