package io.citykpi.gateway.targets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkpoint of a time-phased target: the cumulative value expected by the end of a quarter or month. */
@Schema(name = "TargetCheckpoint")
public record PhasePoint(
        @Schema(description = "A quarter (2025Q1) or a month (2025-03) of the target's year", example = "2025Q1")
        @NotNull @Pattern(regexp = "\\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))", message = "must be a quarter (2025Q1) or a month (2025-03)")
        String period,
        @Schema(description = "Expected by the end of that period, in the KPI's unit (cumulative)", example = "50")
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2)
        BigDecimal value) {
}
