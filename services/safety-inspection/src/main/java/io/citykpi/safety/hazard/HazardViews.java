package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.HazardStatus;
import io.citykpi.shared.contract.safety.Severity;
import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HazardViews {

    private HazardViews() {
    }

    @Schema(name = "Hazard")
    public record HazardView(
            UUID id, UUID inspectionId,
            @Schema(example = "220421") String orgUnit,
            SafetyDomain domain, PlaceType placeType, Severity severity,
            @Schema(example = "燃气管道阀门锈蚀漏气") String description,
            @Schema(example = "2025-04-10") LocalDate foundOn,
            @Schema(description = "Deadline first set", example = "2025-05-10") LocalDate originalDeadline,
            @Schema(description = "Deadline in force (after approved extensions)", example = "2025-06-10") LocalDate deadline,
            HazardStatus status,
            @Schema(description = "Past its deadline and not rectified, today (Asia/Shanghai)") boolean overdue,
            LocalDate rectifiedOn, String measures, LocalDate verifiedOn,
            @Schema(description = "挂牌督办 date") LocalDate listedOn, String supervisingUnit,
            OffsetDateTime recordedAt, OffsetDateTime updatedAt) {

        public static HazardView of(Hazard h, LocalDate today) {
            return new HazardView(h.id, h.inspectionId, h.orgUnit, h.domain, h.placeType, h.severity, h.description,
                    h.foundOn, h.originalDeadline, h.deadline, h.status, h.isOverdueOn(today), h.rectifiedOn,
                    h.measures, h.verifiedOn, h.listedOn, h.supervisingUnit, h.recordedAt, h.updatedAt);
        }
    }

    @Schema(name = "HazardDetail", description = "A hazard with everything that happened to it")
    public record HazardDetail(HazardView hazard, List<HistoryView> history, List<ExtensionView> extensions) {
    }

    @Schema(name = "HazardHistoryEntry")
    public record HistoryView(@Schema(example = "RECTIFIED") String action,
                              @Schema(example = "2025-05-06") LocalDate effectiveDate,
                              String detail, OffsetDateTime recordedAt) {

        static HistoryView of(HazardHistory h) {
            return new HistoryView(h.action, h.effectiveDate, h.detail, h.recordedAt);
        }
    }

    @Schema(name = "DeadlineExtension")
    public record ExtensionView(UUID id, String reason, LocalDate requestedDeadline, LocalDate requestedOn,
                                ExtensionStatus status, LocalDate decidedOn, String decisionNote) {

        static ExtensionView of(DeadlineExtension e) {
            return new ExtensionView(e.id, e.reason, e.requestedDeadline, e.requestedOn, e.status, e.decidedOn,
                    e.decisionNote);
        }
    }
}
