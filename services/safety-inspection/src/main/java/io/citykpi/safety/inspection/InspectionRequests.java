package io.citykpi.safety.inspection;

import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.shared.contract.safety.Severity;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class InspectionRequests {

    private InspectionRequests() {
    }

    @Schema(name = "RecordInspectionRequest", description = "An inspection and the hazards it found")
    public record RecordInspection(
            @Schema(example = "220421", required = true) @NotNull @OrgUnitCode String orgUnit,
            @Schema(required = true) @NotNull SafetyDomain domain,
            @Schema(required = true) @NotNull PlaceType placeType,
            @Schema(example = "东丰县第二实验小学", required = true) @NotBlank @Size(max = 200) String placeName,
            @Schema(example = "东丰县东丰镇文化路18号") @Size(max = 300) String address,
            @Schema(example = "2025-04-10", required = true) @NotNull @BusinessDate LocalDate inspectedOn,
            @Schema(example = "县应急管理局第一检查组", required = true) @NotBlank @Size(max = 200) String team,
            @Schema(description = "监管+专家: experts took part", example = "true", required = true) @NotNull Boolean withExperts,
            @Schema(example = "王工（燃气）、李工（消防）") @Size(max = 300) String experts,
            @Schema(description = "Key project inspected, if any", example = "DF-2025-0007")
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be a project code") String projectCode,
            @Schema(description = "Penalty decisions issued (enforcement)", example = "1") @PositiveOrZero Integer penaltiesIssued,
            @Schema(description = "Penalties imposed, 万元", example = "2.50")
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal penaltyAmount,
            @Schema(description = "Hazards found (can also be added later)") @Size(max = 200) List<@Valid @NotNull NewHazard> hazards) {
    }

    @Schema(name = "NewHazardRequest", description = "A hazard found; discovered on the inspection date")
    public record NewHazard(
            @Schema(required = true) @NotNull Severity severity,
            @Schema(example = "燃气管道阀门锈蚀漏气", required = true) @NotBlank @Size(max = 1000) String description,
            @Schema(description = "Rectification deadline (期限); for a MAJOR hazard at most one year after discovery",
                    example = "2025-05-10", required = true) @NotNull @BusinessDate(yearsAhead = 3) LocalDate deadline) {
    }
}
