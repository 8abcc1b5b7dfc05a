package io.citykpi.investment.fai;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class FaiViews {

    private FaiViews() {
    }

    @Schema(name = "FixedAssetInvestmentReport", description = "One org unit's FAI for one month, as recorded")
    public record Report(
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "2025-04") YearMonth month,
            @Schema(description = "FAI completed in the month, 万元", example = "46500.00") BigDecimal amount,
            @Schema(description = "The amount this report replaced, 万元; null for a first report") BigDecimal previousAmount,
            @Schema(description = "Same month of the previous year, 万元, when reported", example = "41000.00")
            BigDecimal sameMonthLastYear,
            @Schema(description = "Year-on-year growth, percent; null without last year's figure", example = "13.4")
            BigDecimal yoyGrowthPercent) {
    }

    @Schema(name = "FixedAssetInvestmentSeries", description = "A year of monthly FAI for an org unit (units below it added up)")
    public record Series(
            @Schema(example = "220400") String orgUnit,
            @Schema(example = "2025") int year,
            List<Month> months) {
    }

    @Schema(name = "FixedAssetInvestmentMonth")
    public record Month(
            @Schema(example = "2025-04") YearMonth month,
            @Schema(description = "FAI in the month, 万元; null when nobody reported", example = "46500.00") BigDecimal amount,
            @Schema(description = "Same month last year, 万元", example = "41000.00") BigDecimal sameMonthLastYear,
            @Schema(description = "Year-on-year growth of the month, percent", example = "13.4") BigDecimal yoyGrowthPercent,
            @Schema(description = "January to this month (1-N月累计), 万元", example = "120000.00") BigDecimal yearToDate,
            @Schema(description = "Year-on-year growth of the year to date, percent", example = "8.2")
            BigDecimal yearToDateGrowthPercent,
            @Schema(description = "Org units below that reported this month", example = "4") int reportingUnits) {
    }
}
