package io.citykpi.projects.investment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InvestmentReport", description = "A month's investment as recorded, with data-quality warnings")
public record InvestmentReportView(
        UUID projectId,
        @Schema(example = "2025-04") YearMonth month,
        @Schema(description = "万元", example = "3200.00") BigDecimal amount,
        @Schema(description = "The amount this report replaced, 万元; null for a first report", example = "2300.00")
        BigDecimal previousAmount,
        @Schema(description = "Sum of every reported month, 万元", example = "12600.00") BigDecimal cumulativeAmount,
        @Schema(description = "The project's total investment, 万元", example = "32000.00") BigDecimal totalInvestment,
        @Schema(description = "Accepted, but worth a second look before the numbers reach leaders")
        List<Warning> warnings) {

    @Schema(name = "DataQualityWarning")
    public record Warning(@Schema(example = "CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT") String code,
                          @Schema(example = "cumulative investment 33000.00万元 exceeds total investment 32000.00万元")
                          String message) {
    }
}
