package io.citykpi.shared.contract.safety;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads on {@code citykpi.safety-inspection.v1} (public API, docs/asyncapi.yaml); key = inspection or hazard id. */
public final class SafetyEvents {

    public static final String INSPECTION_RECORDED = "citykpi.safety-inspection.inspection-recorded.v1";
    public static final String HAZARD_FOUND = "citykpi.safety-inspection.hazard-found.v1";
    public static final String HAZARD_RECTIFIED = "citykpi.safety-inspection.hazard-rectified.v1";
    public static final String HAZARD_VERIFIED = "citykpi.safety-inspection.hazard-verified.v1";
    public static final String EXTENSION_REQUESTED = "citykpi.safety-inspection.deadline-extension-requested.v1";
    public static final String EXTENSION_DECIDED = "citykpi.safety-inspection.deadline-extension-decided.v1";
    public static final String HAZARD_LISTED = "citykpi.safety-inspection.hazard-listed.v1";
    public static final String HAZARD_OVERDUE = "citykpi.safety-inspection.hazard-overdue.v1";

    private SafetyEvents() {
    }

    public record InspectionRecorded(@NotNull UUID inspectionId, @NotBlank String orgUnit, SafetyDomain domain,
                                     PlaceType placeType, String placeName, boolean withExperts, String projectCode,
                                     Integer penaltiesIssued, BigDecimal penaltyAmount, int hazardsFound,
                                     @NotNull LocalDate effectiveDate) {
    }

    public record HazardFound(@NotNull UUID hazardId, UUID inspectionId, @NotBlank String orgUnit,
                              @NotNull SafetyDomain domain, PlaceType placeType, @NotNull Severity severity,
                              String description, @NotNull LocalDate deadline, @NotNull LocalDate effectiveDate) {
    }

    /** onTime: rectified on or before the deadline in force. */
    public record HazardRectified(@NotNull UUID hazardId, @NotBlank String orgUnit, Severity severity, String measures,
                                  LocalDate deadline, boolean onTime, @NotNull LocalDate effectiveDate) {
    }

    /** status is CLOSED when passed, OPEN again when not. */
    public record HazardVerified(@NotNull UUID hazardId, @NotBlank String orgUnit, Severity severity, boolean passed,
                                 HazardStatus status, String note, @NotNull LocalDate effectiveDate) {
    }

    public record DeadlineExtensionRequested(@NotNull UUID hazardId, UUID extensionId, @NotBlank String orgUnit,
                                             LocalDate currentDeadline, LocalDate requestedDeadline, String reason,
                                             @NotNull LocalDate effectiveDate) {
    }

    /** deadline is the one in force after the decision. */
    public record DeadlineExtensionDecided(@NotNull UUID hazardId, UUID extensionId, @NotBlank String orgUnit,
                                           boolean approved, LocalDate previousDeadline, @NotNull LocalDate deadline,
                                           String note, @NotNull LocalDate effectiveDate) {
    }

    public record HazardListed(@NotNull UUID hazardId, @NotBlank String orgUnit, Severity severity,
                               String supervisingUnit, @NotNull LocalDate effectiveDate) {
    }

    /** effectiveDate is the first day past the deadline. */
    public record HazardOverdue(@NotNull UUID hazardId, @NotBlank String orgUnit, SafetyDomain domain, Severity severity,
                                LocalDate deadline, boolean listed, @NotNull LocalDate effectiveDate) {
    }
}
