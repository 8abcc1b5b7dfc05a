package io.citykpi.shared.contract.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Place: SCHOOL 校园, HOSPITAL 医院, SQUARE 广场, SCENIC_AREA 旅游景区, WELFARE_CENTRE 社会福利中心, "
        + "ENTERPRISE 企业, RESIDENTIAL 居民小区, CONSTRUCTION_SITE 工地, OTHER 其他")
public enum PlaceType {
    SCHOOL, HOSPITAL, SQUARE, SCENIC_AREA, WELFARE_CENTRE, ENTERPRISE, RESIDENTIAL, CONSTRUCTION_SITE, OTHER
}
