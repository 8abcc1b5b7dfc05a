package io.citykpi.gateway.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * How a gap becomes a status (colour). The gap is completion − time progress for cumulative KPIs,
 * completion − 100 for level KPIs, in percentage points.
 */
@ConfigMapping(prefix = "citykpi.kpi.status")
public interface StatusRule {

    /** A gap of at least this many points is AHEAD (超时间进度). */
    @WithDefault("2")
    BigDecimal aheadFromPoints();

    /** A gap down to minus this many points is still ON_TRACK (slightly behind); below it is BEHIND. */
    @WithDefault("5")
    BigDecimal behindTolerancePoints();

    /** For rates compared by difference (growth): this many points above the target is AHEAD. */
    @WithDefault("1")
    BigDecimal rateAheadFromPoints();

    /** For rates compared by difference: down to this many points under the target is still ON_TRACK. */
    @WithDefault("1")
    BigDecimal rateBehindTolerancePoints();
}
