package io.citykpi.shared.sector;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Industry sectors used by the projects and investment services (one list, so KPIs can join them). */
@Schema(description = """
        Sector: AUTOMOTIVE_PARTS 汽车零部件, TEXTILES 纺织, NEW_MATERIALS 新材料, NEW_ENERGY 新能源,
        MEDICINE_AND_HEALTH 医药健康, AGRICULTURE_AND_FOOD 农产品及食品, EQUIPMENT 装备制造,
        INFRASTRUCTURE 基础设施, URBAN_RENEWAL 城市更新, CULTURE_AND_TOURISM 文化旅游, OTHER 其他""")
public enum Sector {
    AUTOMOTIVE_PARTS,
    TEXTILES,
    NEW_MATERIALS,
    NEW_ENERGY,
    MEDICINE_AND_HEALTH,
    AGRICULTURE_AND_FOOD,
    EQUIPMENT,
    INFRASTRUCTURE,
    URBAN_RENEWAL,
    CULTURE_AND_TOURISM,
    OTHER
}
