package io.citykpi.shared.sector;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Industry sectors used by the projects and investment services (one list, so KPIs can join them). */
@Schema(description = """
        Sector: AUTOMOTIVE_PARTS 汽车零部件, TEXTILES 纺织, NEW_MATERIALS 新材料, NEW_ENERGY 新能源,
        MEDICINE_AND_HEALTH 医药健康, AGRICULTURE_AND_FOOD 农产品及食品, EQUIPMENT 装备制造,
        INFRASTRUCTURE 基础设施, URBAN_RENEWAL 城市更新, CULTURE_AND_TOURISM 文化旅游, OTHER 其他""")
public enum Sector {
    AUTOMOTIVE_PARTS("汽车零部件"),
    TEXTILES("纺织"),
    NEW_MATERIALS("新材料"),
    NEW_ENERGY("新能源"),
    MEDICINE_AND_HEALTH("医药健康"),
    AGRICULTURE_AND_FOOD("农产品及食品"),
    EQUIPMENT("装备制造"),
    INFRASTRUCTURE("基础设施"),
    URBAN_RENEWAL("城市更新"),
    CULTURE_AND_TOURISM("文化旅游"),
    OTHER("其他");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the code (NEW_MATERIALS) or the Chinese label (新材料), as spreadsheets use either. */
    public static Sector parse(String value) {
        String v = value.strip();
        for (Sector sector : values()) {
            if (sector.name().equalsIgnoreCase(v) || sector.label.equals(v)) {
                return sector;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
