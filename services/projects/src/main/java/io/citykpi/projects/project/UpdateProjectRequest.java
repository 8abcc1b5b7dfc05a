package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ConstructionType;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.sector.Sector;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateProjectRequest",
        description = "The register data of a project, all of it (the code cannot change). Stage, plans, statistical "
                + "registration and investment have their own operations.")
public record UpdateProjectRequest(
        @Schema(example = "北方碳纤维无人机螺旋桨项目（一期）", required = true) @NotBlank @Size(max = 200) String name,
        @Schema(example = "220402", required = true) @NotNull @OrgUnitCode String orgUnit,
        @Schema(required = true) @NotNull Sector sector,
        @Schema(required = true) @NotNull ConstructionType constructionType,
        @Schema(description = "Total planned investment, 万元", example = "35000.00", required = true)
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal totalInvestment,
        @Schema(example = "龙山区发展和改革局") @Size(max = 100) String leadUnit,
        @Schema(example = "龙山区") @Size(max = 200) String location,
        @Size(max = 2000) String description,
        @Schema(description = "The version you read; a stale version is refused with 409 so no edit is lost",
                example = "0", required = true)
        @NotNull @PositiveOrZero Long version) {
}
