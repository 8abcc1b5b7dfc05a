package io.citykpi.shared.contract.projects;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Construction type: NEW 新建, CONTINUING 续建, EXPANSION_OR_UPGRADE 扩建/技改")
public enum ConstructionType {
    NEW("新建"),
    CONTINUING("续建"),
    EXPANSION_OR_UPGRADE("扩建/技改");

    private final String label;

    ConstructionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the code or the Chinese label (扩建, 技改 and 扩建技改 all mean EXPANSION_OR_UPGRADE). */
    public static ConstructionType parse(String value) {
        String v = value.strip();
        for (ConstructionType type : values()) {
            if (type.name().equalsIgnoreCase(v) || type.label.equals(v) || type.label.replace("/", "").equals(v)
                    || Set.of(type.label.split("/")).contains(v)) {
                return type;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
