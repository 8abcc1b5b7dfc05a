package io.citykpi.gateway.targets;

import io.citykpi.shared.contract.GatewayEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the gateway publishes on citykpi.gateway.v1 when a target changes, so that other systems (a
 * provincial platform, a data warehouse) follow targets as they follow facts. Payloads are
 * documented in docs/asyncapi.yaml; the subject (record key) is {@code <year>/<kpiId>/<orgUnit>}.
 */
public final class TargetEvents {

    /** The type names are the contract's ({@link GatewayEvents}); the payloads below are the gateway's own. */
    public static final String SET = GatewayEvents.TARGET_SET;
    public static final String REMOVED = GatewayEvents.TARGET_REMOVED;

    private TargetEvents() {
    }

    static String subject(int year, String kpiId, String orgUnit) {
        return year + "/" + kpiId + "/" + orgUnit;
    }

    /** A target was set for the first time ({@code previous} null) or changed. */
    public record TargetSet(int year, String kpiId, String orgUnit, BigDecimal value, String unit,
                            List<PhasePoint> phasing, String note, int version, TargetView.Snapshot previous,
                            String changedBy, LocalDate effectiveDate) {
    }

    /** A unit's own target was removed; a summed target (counts and sums) takes its place. */
    public record TargetRemoved(int year, String kpiId, String orgUnit, String unit, TargetView.Snapshot previous,
                                String changedBy, LocalDate effectiveDate) {
    }
}
