package io.citykpi.shared.contract.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Domain: ROAD_TRAFFIC 道路交通, GAS 燃气, FIRE 消防, MINES 矿山, CONSTRUCTION 建筑施工, "
        + "HAZARDOUS_CHEMICALS 危化品, OTHER 其他")
public enum SafetyDomain {
    ROAD_TRAFFIC, GAS, FIRE, MINES, CONSTRUCTION, HAZARDOUS_CHEMICALS, OTHER
}
