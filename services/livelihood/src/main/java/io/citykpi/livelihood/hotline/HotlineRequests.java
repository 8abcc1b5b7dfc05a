package io.citykpi.livelihood.hotline;

import io.citykpi.shared.contract.livelihood.CaseType;
import io.citykpi.shared.contract.livelihood.Feedback;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HotlineRequests {

    private HotlineRequests() {
    }

    @Schema(name = "HotlineCaseRequest", description = "A case received by the 12345 hotline")
    public record Receive(
            @Schema(description = "The hotline's case number (unique)", example = "12345-20250410-00017", required = true)
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "must be 3 to 40 letters, digits or hyphens") String caseNumber,
            @Schema(example = "220403", required = true) @NotNull @OrgUnitCode String orgUnit,
            @Schema(required = true) @NotNull CaseType type,
            @Schema(description = "未诉先办: handled before anyone called; false when omitted", example = "false")
            Boolean proactive,
            @Schema(example = "小区供暖温度不达标") @Size(max = 1000) String summary,
            @Schema(description = "When the hotline received it (RFC 3339)", example = "2025-04-10T09:12:00+08:00",
                    required = true) @NotNull @BusinessDate OffsetDateTime receivedAt) {
    }

    @Schema(name = "HotlineAcceptance")
    public record Accept(@Schema(example = "2025-04-10T10:00:00+08:00", required = true)
                         @NotNull @BusinessDate OffsetDateTime acceptedAt) {
    }

    @Schema(name = "HotlineResolution")
    public record Resolve(@Schema(example = "2025-04-14T16:30:00+08:00", required = true)
                          @NotNull @BusinessDate OffsetDateTime resolvedAt,
                          @Schema(description = "解决: the caller's problem was solved", example = "true", required = true)
                          @NotNull Boolean solved) {
    }

    @Schema(name = "HotlineFeedback", description = "回访: the caller's verdict")
    public record GiveFeedback(@Schema(example = "2025-04-15T11:00:00+08:00", required = true)
                               @NotNull @BusinessDate OffsetDateTime feedbackAt,
                               @Schema(required = true) @NotNull Feedback feedback) {
    }

    @Schema(name = "HotlineRework", description = "发回重办: the case goes back to the handling unit")
    public record SendBack(@Schema(example = "2025-04-15T12:00:00+08:00", required = true)
                           @NotNull @BusinessDate OffsetDateTime sentBackAt,
                           @Schema(example = "群众反映问题未解决", required = true) @NotBlank @Size(max = 500) String reason) {
    }
}
