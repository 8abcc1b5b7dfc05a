package io.citykpi.gateway.targets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetRequest", description = "A target for a year, in the KPI's unit (万元 for money, % for rates)")
public record TargetRequest(
        @Schema(description = "The year's target; for lower-is-better KPIs a ceiling", example = "100")
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal value,
        @Schema(description = "Optional time phasing: cumulative values expected by the end of quarters or months, "
                + "rising, never above the year's value (cumulative KPIs only)")
        @Valid @Size(max = 16) List<@NotNull PhasePoint> phasing,
        @Schema(description = "Where the target comes from", example = "2025年政府工作报告: Q1开工率≥50%, Q2全部开工")
        @Size(max = 500) String note,
        @Schema(description = "The version you last read, to refuse overwriting a change you have not seen", example = "1")
        Integer version) {
}
