package io.citykpi.projects.stage;

import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StageTransitionRequest", description = "Move a project to its next stage")
public record StageTransitionRequest(
        @Schema(description = "The stage it moved to", example = "UNDER_CONSTRUCTION", required = true)
        @NotNull ProjectStage stage,
        @Schema(description = "The day it happened (Asia/Shanghai): not in the future, not before the previous change",
                example = "2025-04-18", required = true)
        @NotNull @BusinessDate LocalDate effectiveDate,
        @Schema(description = "Why, or the document it rests on", example = "施工许可证 2025-018")
        @Size(max = 500) String note) {
}
