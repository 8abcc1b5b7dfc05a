package io.citykpi.gateway.targets;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Target")
public record TargetView(
        @Schema(example = "2025") int year,
        @Schema(example = "projects.start-rate") String kpiId,
        @Schema(example = "220471") String orgUnit,
        @Schema(example = "辽源高新技术产业开发区") String orgUnitName,
        @Schema(description = "In the KPI's unit", example = "100") BigDecimal value,
        @Schema(description = "The KPI's unit", example = "%") String unit,
        List<PhasePoint> phasing,
        String note,
        @Schema(description = "EXPLICIT (set for this unit) or SUM_OF_CHILDREN (the sum of the targets below it)",
                enumeration = {"EXPLICIT", "SUM_OF_CHILDREN"}) String source,
        @Schema(description = "Null for a summed target", example = "2") Integer version,
        OffsetDateTime updatedAt,
        @Schema(description = "User name of who set it last", example = "admin") String updatedBy) {

    /** What the audit keeps of a target. */
    public record Snapshot(BigDecimal value, List<PhasePoint> phasing, String note, int version) {
    }

    @Schema(name = "TargetChange")
    public record Change(
            @Schema(example = "UPDATED", enumeration = {"CREATED", "UPDATED", "DELETED"}) String action,
            Snapshot before,
            Snapshot after,
            @Schema(description = "User name from the bearer token", example = "admin") String changedBy,
            @Schema(description = "The token's subject; null for changes made before tokens were checked",
                    example = "c5f7b1d2-8f8e-4a43-9a7d-1d2f5e6a7b8c") String changedById,
            OffsetDateTime changedAt) {
    }
}
