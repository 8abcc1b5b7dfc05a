package io.citykpi.shared.contract.investment;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** "力争引进亿元以上项目5个、10亿元以上项目1个": deals are counted by these classes of contract amount. */
@Schema(description = "Derived from the contract amount: BELOW_100M < 1亿元, OVER_100M ≥ 1亿元 (10,000万元), "
        + "OVER_1B ≥ 10亿元 (100,000万元)")
public enum DealSizeClass {
    BELOW_100M,
    OVER_100M,
    OVER_1B;

    public static final BigDecimal HUNDRED_MILLION = new BigDecimal("10000");
    public static final BigDecimal BILLION = new BigDecimal("100000");

    public static DealSizeClass of(BigDecimal contractAmount) {
        if (contractAmount.compareTo(BILLION) >= 0) {
            return OVER_1B;
        }
        return contractAmount.compareTo(HUNDRED_MILLION) >= 0 ? OVER_100M : BELOW_100M;
    }
}
