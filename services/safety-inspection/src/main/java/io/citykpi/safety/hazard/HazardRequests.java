package io.citykpi.safety.hazard;

import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HazardRequests {

    private HazardRequests() {
    }

    @Schema(name = "RectificationRequest")
    public record Rectify(
            @Schema(example = "2025-05-06", required = true) @NotNull @BusinessDate LocalDate rectifiedOn,
            @Schema(example = "更换阀门并做气密性试验", required = true) @NotBlank @Size(max = 1000) String measures) {
    }

    @Schema(name = "VerificationRequest", description = "验收: passed closes the hazard (销号), failed reopens it")
    public record Verify(
            @Schema(example = "2025-05-08", required = true) @NotNull @BusinessDate LocalDate verifiedOn,
            @Schema(example = "true", required = true) @NotNull Boolean passed,
            @Schema(example = "复查合格") @Size(max = 500) String note) {
    }

    @Schema(name = "ExtensionRequest", description = "Ask for a later deadline (at most two requests per hazard)")
    public record RequestExtension(
            @Schema(example = "2025-06-10", required = true) @NotNull @BusinessDate(yearsAhead = 3) LocalDate requestedDeadline,
            @Schema(example = "阀门备件需厂家定制", required = true) @NotBlank @Size(max = 500) String reason,
            @Schema(description = "Day of the request; today when omitted", example = "2025-05-05") @BusinessDate LocalDate requestedOn) {
    }

    @Schema(name = "ExtensionDecision")
    public record DecideExtension(
            @Schema(example = "true", required = true) @NotNull Boolean approved,
            @Schema(example = "2025-05-06", required = true) @NotNull @BusinessDate LocalDate decidedOn,
            @Schema(example = "同意延期至6月10日") @Size(max = 500) String note) {
    }

    @Schema(name = "ListingRequest", description = "挂牌督办: formal listing of a major hazard for supervision")
    public record ListForSupervision(
            @Schema(example = "2025-04-12", required = true) @NotNull @BusinessDate LocalDate listedOn,
            @Schema(example = "市安委会办公室", required = true) @NotBlank @Size(max = 100) String supervisingUnit) {
    }
}
