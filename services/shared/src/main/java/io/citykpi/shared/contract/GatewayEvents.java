package io.citykpi.shared.contract;

/**
 * The gateway's own events on {@code citykpi.gateway.v1}: changes of KPI targets. Their payloads are
 * the gateway's (they carry its target snapshot and phasing types); their names are part of the contract.
 */
public final class GatewayEvents {

    public static final String TARGET_SET = "citykpi.gateway.target-set.v1";
    public static final String TARGET_REMOVED = "citykpi.gateway.target-removed.v1";

    private GatewayEvents() {
    }
}
