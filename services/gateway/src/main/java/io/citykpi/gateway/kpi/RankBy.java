package io.citykpi.gateway.kpi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What units are ranked on: the value itself (Σ for money favours big districts, as many bulletins
 * do), or the completion rate against each unit's own target (完成率排名), which compares districts
 * of different size fairly.
 */
@Schema(description = "VALUE: the KPI's value, direction-aware. COMPLETION: completion rate against each unit's "
        + "own target, highest first (units without a target are not ranked; not for lower-is-better KPIs).")
public enum RankBy {
    VALUE,
    COMPLETION
}
