package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ConstructionType;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.sector.Sector;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisterProjectRequest", description = "A key project to put on the register")
public record RegisterProjectRequest(
        @Schema(description = "Unique project code, upper-case letters, digits and hyphens", example = "LY-2025-0001",
                required = true)
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3 to 40 upper-case letters, digits or hyphens")
        String code,

        @Schema(description = "Project name", example = "北方碳纤维无人机螺旋桨项目", required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Organisation unit code (GB/T 2260 where one exists)", example = "220402", required = true)
        @NotNull @OrgUnitCode
        String orgUnit,

        @Schema(required = true)
        @NotNull
        Sector sector,

        @Schema(required = true)
        @NotNull
        ConstructionType constructionType,

        @Schema(description = "Total planned investment, 万元 (CNY 10,000); 500 or more makes it a key project",
                example = "32000.00", required = true)
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2)
        BigDecimal totalInvestment,

        @Schema(description = "Lead unit responsible for the project (责任单位)", example = "龙山区发展和改革局")
        @Size(max = 100)
        String leadUnit,

        @Schema(description = "Location", example = "龙山区寿山镇")
        @Size(max = 200)
        String location,

        @Schema(description = "Free description")
        @Size(max = 2000)
        String description,

        @Schema(description = "Effective date the project entered the register (Asia/Shanghai); today when omitted",
                example = "2025-02-10")
        @BusinessDate
        LocalDate registeredOn,

        @Schema(description = "Stage the project is in when it enters the register (a continuing project may already "
                + "be under construction); PLANNED when omitted. Not SUSPENDED or CANCELLED.",
                example = "PLANNED")
        ProjectStage initialStage) {
}
