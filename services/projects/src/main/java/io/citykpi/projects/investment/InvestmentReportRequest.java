package io.citykpi.projects.investment;

import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InvestmentReportRequest", description = "Investment completed by the project in the month of the path")
public record InvestmentReportRequest(
        @Schema(description = "Investment completed in that month, 万元 (0 when nothing was done)", example = "3200.00",
                required = true)
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @Schema(description = "Day the unit submitted the report (报送日期), when it is keyed in later; today when omitted. "
                + "The reporting calendar's deadlines apply to it", example = "2025-06-04")
        @BusinessDate LocalDate submittedOn) {
}
