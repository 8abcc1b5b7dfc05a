package io.citykpi.investment.fai;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 同比增速: (this − same period last year) ÷ same period last year, in percent to one decimal. */
public final class Growth {

    private Growth() {
    }

    /** null when there is nothing to compare with (no figure last year, or zero). */
    public static BigDecimal percent(BigDecimal current, BigDecimal lastYear) {
        if (current == null || lastYear == null || lastYear.signum() == 0) {
            return null;
        }
        return current.subtract(lastYear).multiply(BigDecimal.valueOf(100)).divide(lastYear, 1, RoundingMode.HALF_UP);
    }
}
