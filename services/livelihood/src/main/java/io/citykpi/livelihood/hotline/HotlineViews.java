package io.citykpi.livelihood.hotline;

import io.citykpi.shared.contract.livelihood.CaseType;
import io.citykpi.shared.contract.livelihood.Feedback;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HotlineViews {

    private HotlineViews() {
    }

    @Schema(name = "HotlineCase")
    public record CaseView(
            @Schema(example = "12345-20250410-00017") String caseNumber,
            @Schema(example = "220403") String orgUnit, CaseType type, boolean proactive, String summary,
            @Schema(example = "2025-04-10T09:12:00+08:00") OffsetDateTime receivedAt,
            @Schema(description = "Accept by (end of that working day, Asia/Shanghai)", example = "2025-04-11T23:59:59+08:00")
            OffsetDateTime responseDueAt,
            @Schema(description = "Resolve by: the type's limit in working days", example = "2025-04-15T23:59:59+08:00")
            OffsetDateTime dueAt,
            CaseStatus status,
            @Schema(description = "Not resolved and past its due time, now") boolean overdue,
            OffsetDateTime acceptedAt, Boolean acceptedOnTime, OffsetDateTime resolvedAt, Boolean solved,
            Boolean resolvedOnTime, Feedback feedback, OffsetDateTime feedbackAt,
            @Schema(description = "Times sent back for rework (发回重办)") int reworkCount,
            @Schema(description = "Escalated after too many reworks") boolean escalated,
            OffsetDateTime updatedAt) {

        static CaseView of(HotlineCase c, OffsetDateTime now) {
            return new CaseView(c.caseNumber, c.orgUnit, c.type, c.proactive, c.summary, c.receivedAt, c.responseDueAt,
                    c.dueAt, c.status, c.isOverdueAt(now), c.acceptedAt, c.acceptedOnTime, c.resolvedAt, c.solved,
                    c.resolvedOnTime, c.feedback, c.feedbackAt, c.reworkCount, c.escalated, c.updatedAt);
        }
    }

    @Schema(name = "HotlineCaseDetail")
    public record CaseDetail(CaseView hotlineCase, List<HistoryView> history) {
    }

    @Schema(name = "HotlineCaseHistoryEntry")
    public record HistoryView(@Schema(example = "ACCEPTED") String action, OffsetDateTime occurredAt, String detail) {

        static HistoryView of(CaseHistory h) {
            return new HistoryView(h.action, h.occurredAt, h.detail);
        }
    }
}
