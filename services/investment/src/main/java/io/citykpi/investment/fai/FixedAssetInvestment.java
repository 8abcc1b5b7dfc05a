package io.citykpi.investment.fai;

import io.citykpi.shared.persistence.OrgUnitMonthKey;
import io.citykpi.shared.persistence.UpdatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/** Fixed-asset investment (固定资产投资) an org unit completed in one month, 万元, as last reported. */
@Entity
@Table(name = "fixed_asset_investment")
@IdClass(OrgUnitMonthKey.class)
public class FixedAssetInvestment extends UpdatedEntity {

    @Id
    @Column(name = "org_unit")
    public String orgUnit;

    /** First day of the month (an id cannot go through an attribute converter). */
    @Id
    @Column(name = "report_month")
    public LocalDate monthStart;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static FixedAssetInvestment find(String orgUnit, YearMonth month) {
        return findById(new OrgUnitMonthKey(orgUnit, month.atDay(1)));
    }

    /**
     * The month's row, locked until the transaction ends, so that two corrections at the same time are
     * applied one after the other and each event carries the amount it replaced. Two first reports at
     * the same time both find nothing; the primary key lets one in and the other gets a 409.
     */
    public static FixedAssetInvestment findForUpdate(String orgUnit, YearMonth month) {
        return findById(new OrgUnitMonthKey(orgUnit, month.atDay(1)), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every report of these units between the two months, inclusive. */
    public static List<FixedAssetInvestment> between(Collection<String> orgUnits, YearMonth from, YearMonth to) {
        return list("orgUnit in ?1 and monthStart >= ?2 and monthStart <= ?3", orgUnits, from.atDay(1), to.atDay(1));
    }
}
