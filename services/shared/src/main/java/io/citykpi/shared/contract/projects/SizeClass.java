package io.citykpi.shared.contract.projects;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Derived from total investment (万元); 500万 is both the key-project and the national statistics threshold. */
@Schema(description = """
        Size class derived from total investment: BELOW_KEY < 500万元, KEY ≥ 500万元 (重点项目),
        OVER_100M ≥ 1亿元 (10,000万元, 亿元以上), OVER_1B ≥ 10亿元 (100,000万元, 10亿元以上)""")
public enum SizeClass {
    BELOW_KEY,
    KEY,
    OVER_100M,
    OVER_1B;

    public static final BigDecimal KEY_THRESHOLD = new BigDecimal("500");
    public static final BigDecimal HUNDRED_MILLION = new BigDecimal("10000");
    public static final BigDecimal BILLION = new BigDecimal("100000");

    public static SizeClass of(BigDecimal totalInvestment) {
        if (totalInvestment.compareTo(BILLION) >= 0) {
            return OVER_1B;
        }
        if (totalInvestment.compareTo(HUNDRED_MILLION) >= 0) {
            return OVER_100M;
        }
        if (totalInvestment.compareTo(KEY_THRESHOLD) >= 0) {
            return KEY;
        }
        return BELOW_KEY;
    }
}
