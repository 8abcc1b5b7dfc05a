package io.citykpi.shared.contract.investment;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed deal's performance (履约): 签约 → 开工 → 投产, or 终止. */
@Schema(description = "Deal status: SIGNED 签约, STARTED 开工, IN_PRODUCTION 投产, TERMINATED 终止")
public enum DealStatus {
    SIGNED,
    STARTED,
    IN_PRODUCTION,
    TERMINATED;

    public Set<DealStatus> next() {
        return switch (this) {
            case SIGNED -> EnumSet.of(STARTED, TERMINATED);
            case STARTED -> EnumSet.of(IN_PRODUCTION, TERMINATED);
            case IN_PRODUCTION, TERMINATED -> EnumSet.noneOf(DealStatus.class);
        };
    }

    public boolean canMoveTo(DealStatus target) {
        return next().contains(target);
    }
}
