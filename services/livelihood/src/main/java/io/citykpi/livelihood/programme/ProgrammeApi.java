package io.citykpi.livelihood.programme;

import io.citykpi.shared.contract.livelihood.ProgrammeCategory;
import io.citykpi.shared.contract.livelihood.QuantityUnit;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the programmes API (its event payloads are in the contract, LivelihoodEvents). */
public final class ProgrammeApi {

    private ProgrammeApi() {
    }

    @Schema(name = "ProgrammeRequest", description = "A livelihood programme (民生实事) with its planned quantity")
    public record CreateProgramme(
            @Schema(example = "DF-2025-LJ-01", required = true)
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3 to 40 upper-case letters, digits or hyphens") String code,
            @Schema(example = "东丰县老旧小区改造", required = true) @NotBlank @Size(max = 200) String name,
            @Schema(required = true) @NotNull ProgrammeCategory category,
            @Schema(example = "220421", required = true) @NotNull @OrgUnitCode String orgUnit,
            @Schema(example = "2025", required = true) @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(required = true) @NotNull QuantityUnit unit,
            @Schema(description = "Planned quantity for the year, in the programme's unit", example = "126000", required = true)
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal plannedQuantity,
            @Schema(description = "Day the programme was adopted (the effective date of the event), for programmes "
                    + "entered after the fact; today when omitted", example = "2025-01-15")
            @BusinessDate java.time.LocalDate adoptedOn) {
    }

    @Schema(name = "ProgrammeProgressRequest")
    public record ReportProgress(
            @Schema(description = "Quantity completed in that month, in the programme's unit", example = "12000", required = true)
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal quantity,
            @Schema(description = "Day the unit submitted the report (报送日期), when it is keyed in later; today when "
                    + "omitted. The reporting calendar's deadlines apply to it", example = "2025-05-08")
            @BusinessDate java.time.LocalDate submittedOn) {
    }

    @Schema(name = "Programme")
    public record ProgrammeView(UUID id, @Schema(example = "DF-2025-LJ-01") String code,
                                @Schema(example = "东丰县老旧小区改造") String name, ProgrammeCategory category,
                                @Schema(example = "220421") String orgUnit, @Schema(example = "2025") int year,
                                QuantityUnit unit, @Schema(example = "126000.00") BigDecimal plannedQuantity,
                                @Schema(description = "Sum of the monthly progress", example = "54000.00") BigDecimal completedToDate,
                                @Schema(description = "completedToDate ÷ plannedQuantity, percent", example = "42.9")
                                BigDecimal completionPercent,
                                List<MonthView> months) {
    }

    @Schema(name = "ProgrammeMonth")
    public record MonthView(@Schema(example = "2025-05") YearMonth month, @Schema(example = "12000.00") BigDecimal quantity) {
    }

    @Schema(name = "ProgrammeProgressReport")
    public record ProgressView(UUID programmeId, YearMonth month, BigDecimal quantity,
                               @Schema(description = "The value this report replaced; null for a first report") BigDecimal previousQuantity,
                               BigDecimal completedToDate, BigDecimal plannedQuantity,
                               @Schema(description = "Accepted but worth a look, e.g. OVER_DELIVERED") List<String> warnings) {
    }
}
