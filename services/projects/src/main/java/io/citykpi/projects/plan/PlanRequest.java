package io.citykpi.projects.plan;

import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanRequest", description = "A project's plan for one year")
public record PlanRequest(
        @Schema(description = "Planned investment for the year, 万元", example = "20900.00", required = true)
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal plannedInvestment,
        @Schema(description = "Month construction is planned to start (yyyy-MM); the start-rate denominator counts "
                + "the project from this month on", example = "2025-03")
        @BusinessDate(yearsAhead = 10) YearMonth plannedStartMonth,
        @Schema(description = "Month completion (竣工) is planned", example = "2025-11") @BusinessDate(yearsAhead = 10) YearMonth plannedCompletionMonth,
        @Schema(description = "Month production (投产) is planned", example = "2025-12") @BusinessDate(yearsAhead = 10) YearMonth plannedProductionMonth,
        @Schema(description = "Optional phasing Jan..Dec (12 amounts, 万元) adding up to plannedInvestment; "
                + "omitted = even over the year")
        @Size(min = 12, max = 12) List<@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal> monthlyInvestment,
        @Schema(description = "Day the plan was adopted (the effective date of the event), for plans entered after the "
                + "fact; today when omitted. Not before the project was registered.", example = "2025-01-20")
        @BusinessDate LocalDate adoptedOn) {

}
