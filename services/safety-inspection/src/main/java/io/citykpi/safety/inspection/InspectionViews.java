package io.citykpi.safety.inspection;

import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.safety.hazard.HazardViews;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class InspectionViews {

    private InspectionViews() {
    }

    @Schema(name = "Inspection")
    public record InspectionView(UUID id, @Schema(example = "220421") String orgUnit, SafetyDomain domain,
                                 PlaceType placeType, @Schema(example = "东丰县第二实验小学") String placeName,
                                 String address, @Schema(example = "2025-04-10") LocalDate inspectedOn, String team,
                                 @Schema(description = "监管+专家") boolean withExperts, String experts, String projectCode,
                                 Integer penaltiesIssued,
                                 @Schema(description = "Penalties imposed, 万元", example = "2.50") BigDecimal penaltyAmount,
                                 OffsetDateTime recordedAt) {

        public static InspectionView of(Inspection i) {
            return new InspectionView(i.id, i.orgUnit, i.domain, i.placeType, i.placeName, i.address, i.inspectedOn,
                    i.team, i.withExperts, i.experts, i.projectCode, i.penaltiesIssued, i.penaltyAmount, i.recordedAt);
        }
    }

    @Schema(name = "InspectionDetail", description = "An inspection with the hazards it found")
    public record InspectionDetail(InspectionView inspection, List<HazardViews.HazardView> hazards) {
    }
}
