package io.citykpi.investment.fai;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

public final class FaiEvents {

    public static final String REPORTED = "fixed-asset-investment-reported";
    public static final String CORRECTED = "fixed-asset-investment-corrected";

    private FaiEvents() {
    }

    /** A flow: months add up. effectiveDate is the last day of the month; previousAmount set for a correction. */
    public record FixedAssetInvestmentReported(String orgUnit, YearMonth month, BigDecimal amount,
                                               BigDecimal previousAmount, BigDecimal sameMonthLastYear,
                                               BigDecimal yoyGrowthPercent, LocalDate submittedOn,
                                               LocalDate effectiveDate) {
    }
}
