package io.citykpi.projects.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        Construction stage: PLANNED 谋划, RESERVE 储备, PREPARATION 前期, UNDER_CONSTRUCTION 开工/在建,
        COMPLETED 竣工, IN_PRODUCTION 投产, SUSPENDED 停缓建, CANCELLED 取消""")
public enum ProjectStage {
    PLANNED,
    RESERVE,
    PREPARATION,
    UNDER_CONSTRUCTION,
    COMPLETED,
    IN_PRODUCTION,
    SUSPENDED,
    CANCELLED
}
