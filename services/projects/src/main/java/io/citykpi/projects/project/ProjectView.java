package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ConstructionType;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.contract.projects.SizeClass;
import io.citykpi.shared.sector.Sector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Project", description = "A key project on the register")
public record ProjectView(
        @Schema(description = "Project id", example = "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11") UUID id,
        @Schema(example = "LY-2025-0001") String code,
        @Schema(example = "北方碳纤维无人机螺旋桨项目") String name,
        @Schema(example = "220402") String orgUnit,
        Sector sector,
        ConstructionType constructionType,
        @Schema(description = "Total planned investment, 万元", example = "32000.00") BigDecimal totalInvestment,
        SizeClass sizeClass,
        ProjectStage stage,
        String leadUnit,
        String location,
        String description,
        @Schema(description = "Effective date it entered the register", example = "2025-02-10") LocalDate registeredOn,
        @Schema(description = "Statistically registered (入库/入统)", example = "true") boolean statRegistered,
        @Schema(description = "Effective date of statistical registration", example = "2025-03-05")
        LocalDate statRegisteredOn,
        @Schema(description = "When the service recorded it") OffsetDateTime recordedAt,
        @Schema(description = "When it last changed") OffsetDateTime updatedAt,
        @Schema(description = "Optimistic-locking version, to send back with an update") long version) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.id, p.code, p.name, p.orgUnit, p.sector, p.constructionType, p.totalInvestment,
                p.sizeClass(), p.stage, p.leadUnit, p.location, p.description, p.registeredOn,
                p.statRegisteredOn != null, p.statRegisteredOn, p.recordedAt, p.updatedAt, p.version);
    }
}
