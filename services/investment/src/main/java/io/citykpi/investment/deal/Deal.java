package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealSizeClass;
import io.citykpi.shared.contract.investment.DealStatus;
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

/** A signed investment-attraction deal (签约项目). Money in 万元. */
@Entity
@Table(name = "deal")
public class Deal extends UpdatedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String investor;

    /** Province (for domestic investors) or country. */
    @Column(name = "investor_origin", nullable = false, length = 100)
    public String investorOrigin;

    @Column(name = "org_unit", nullable = false, length = 12)
    public String orgUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public Sector sector;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "contract_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal contractAmount;

    @Column(name = "lead_unit", length = 100)
    public String leadUnit;

    /** Code of the key project the deal became, if any. */
    @Column(name = "project_code", length = 40)
    public String projectCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DealStatus status;

    @Column(name = "status_since", nullable = false)
    public LocalDate statusSince;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public DealSizeClass sizeClass() {
        return DealSizeClass.of(contractAmount);
    }

    /** Loads and locks the deal, so that arrivals are checked against the contract one at a time. */
    public static Optional<Deal> findForUpdate(UUID id) {
        return Optional.ofNullable(Deal.<Deal>findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
