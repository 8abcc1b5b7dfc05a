package io.citykpi.gateway.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Thresholds of the alert rules; each can be set per deployment (CITYKPI_ALERTS_...). */
@ConfigMapping(prefix = "citykpi.alerts")
public interface AlertConfig {

    /** A cumulative KPI more than this many points behind time progress is an alert (twice as many: high). */
    @WithDefault("5")
    BigDecimal behindTimeProgressPoints();

    /** Hotline satisfaction under this rate (percent) is an alert (ten points under: high). */
    @WithDefault("85")
    BigDecimal satisfactionFloorPercent();

    /**
     * A monthly amount this many times larger or smaller than the month before looks like a unit
     * mistake (an amount in 亿元 typed where 万元 is asked, or the other way round: a factor of 10,000;
     * half of it leaves room for a month that really was small).
     */
    @WithDefault("5000")
    BigDecimal unitMistakeFactor();
}
