package io.citykpi.projects.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Construction type: NEW 新建, CONTINUING 续建, EXPANSION_OR_UPGRADE 扩建/技改")
public enum ConstructionType {
    NEW,
    CONTINUING,
    EXPANSION_OR_UPGRADE
}
