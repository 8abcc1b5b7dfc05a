package io.citykpi.shared.contract.investment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Payloads of the fixed-asset investment (固定资产投资) reports on {@code citykpi.investment.v1}; key = unit/month. */
public final class FaiEvents {

    public static final String REPORTED = "citykpi.investment.fixed-asset-investment-reported.v1";
    public static final String CORRECTED = "citykpi.investment.fixed-asset-investment-corrected.v1";

    private FaiEvents() {
    }

    /** A flow: months add up. effectiveDate is the last day of the month; previousAmount set for a correction. */
    public record FixedAssetInvestmentReported(@NotBlank String orgUnit, @NotNull YearMonth month,
                                               @NotNull BigDecimal amount, BigDecimal previousAmount,
                                               BigDecimal sameMonthLastYear, BigDecimal yoyGrowthPercent,
                                               LocalDate submittedOn, @NotNull LocalDate effectiveDate) {
    }
}
