package io.citykpi.shared.contract.livelihood;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payloads of the programme (民生实事), assistance (救助) and employment (就业) events on
 * {@code citykpi.livelihood.v1}. Monthly reports are flows (months add up); a report of the same
 * month again is a correction carrying the replaced values.
 */
public final class LivelihoodEvents {

    public static final String PROGRAMME_CREATED = "citykpi.livelihood.programme-created.v1";
    public static final String PROGRESS_REPORTED = "citykpi.livelihood.programme-progress-reported.v1";
    public static final String PROGRESS_CORRECTED = "citykpi.livelihood.programme-progress-corrected.v1";
    public static final String ASSISTANCE_REPORTED = "citykpi.livelihood.assistance-reported.v1";
    public static final String ASSISTANCE_CORRECTED = "citykpi.livelihood.assistance-corrected.v1";
    public static final String EMPLOYMENT_REPORTED = "citykpi.livelihood.employment-reported.v1";
    public static final String EMPLOYMENT_CORRECTED = "citykpi.livelihood.employment-corrected.v1";

    /** The data-quality warning of a programme whose completed quantity passed the planned one. */
    public static final String OVER_DELIVERED = "OVER_DELIVERED";

    private LivelihoodEvents() {
    }

    public record ProgrammeCreated(@NotNull UUID programmeId, @NotBlank String code, String name,
                                   ProgrammeCategory category, @NotBlank String orgUnit, int year, QuantityUnit unit,
                                   @NotNull BigDecimal plannedQuantity, @NotNull LocalDate effectiveDate) {
    }

    /** A flow: months add up. effectiveDate is the last day of the month. */
    public record ProgrammeProgressReported(@NotNull UUID programmeId, @NotBlank String code, @NotBlank String orgUnit,
                                            ProgrammeCategory category, QuantityUnit unit, @NotNull YearMonth month,
                                            @NotNull BigDecimal quantity, BigDecimal previousQuantity,
                                            BigDecimal completedToDate, BigDecimal plannedQuantity,
                                            List<String> dataQualityWarnings, LocalDate submittedOn,
                                            @NotNull LocalDate effectiveDate) {
    }

    /** A flow: months add up. effectiveDate is the last day of the month. */
    public record AssistanceReported(@NotBlank String orgUnit, @NotNull YearMonth month,
                                     @NotNull AssistanceCategory category, @NotNull BigDecimal amount,
                                     int beneficiaryTimes, BigDecimal previousAmount, Integer previousBeneficiaryTimes,
                                     LocalDate submittedOn, @NotNull LocalDate effectiveDate) {
    }

    /** Counts are flows (months add up); the rate is a stock (read the latest). */
    public record EmploymentReported(@NotBlank String orgUnit, @NotNull YearMonth month,
                                     @NotNull @Valid EmploymentFigures figures, @Valid EmploymentFigures previous,
                                     LocalDate submittedOn, @NotNull LocalDate effectiveDate) {
    }

    @Schema(name = "EmploymentFigures", description = "One unit's employment figures for one month")
    public record EmploymentFigures(
            @Schema(description = "城镇新增就业 in the month, people", example = "320", required = true) @NotNull @PositiveOrZero Integer newUrbanJobs,
            @Schema(description = "城镇登记失业率 at month end, percent", example = "3.20")
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal registeredUnemploymentRate,
            @Schema(description = "高校毕业生 placed in the month, people", example = "45", required = true) @NotNull @PositiveOrZero Integer graduatePlacements,
            @Schema(description = "退役军人 placed in the month, people", example = "6", required = true) @NotNull @PositiveOrZero Integer veteranPlacements) {
    }
}
