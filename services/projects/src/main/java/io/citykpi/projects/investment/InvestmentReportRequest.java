package io.citykpi.projects.investment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InvestmentReportRequest", description = "Investment completed by the project in the month of the path")
public record InvestmentReportRequest(
        @Schema(description = "Investment completed in that month, 万元 (0 when nothing was done)", example = "3200.00",
                required = true)
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
}
