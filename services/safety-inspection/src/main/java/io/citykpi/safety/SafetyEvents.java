package io.citykpi.safety;

import io.citykpi.safety.hazard.HazardStatus;
import io.citykpi.safety.hazard.Severity;
import io.citykpi.safety.inspection.PlaceType;
import io.citykpi.safety.inspection.SafetyDomain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads on {@code citykpi.safety-inspection.v1} (public API, docs/asyncapi.yaml). */
public final class SafetyEvents {

    public static final String INSPECTION_RECORDED = "inspection-recorded";
    public static final String HAZARD_FOUND = "hazard-found";
    public static final String HAZARD_RECTIFIED = "hazard-rectified";
    public static final String HAZARD_VERIFIED = "hazard-verified";
    public static final String EXTENSION_REQUESTED = "deadline-extension-requested";
    public static final String EXTENSION_DECIDED = "deadline-extension-decided";
    public static final String HAZARD_LISTED = "hazard-listed";
    public static final String HAZARD_OVERDUE = "hazard-overdue";

    private SafetyEvents() {
    }

    public record InspectionRecorded(UUID inspectionId, String orgUnit, SafetyDomain domain, PlaceType placeType,
                                     String placeName, boolean withExperts, String projectCode, Integer penaltiesIssued,
                                     BigDecimal penaltyAmount, int hazardsFound, LocalDate effectiveDate) {
    }

    public record HazardFound(UUID hazardId, UUID inspectionId, String orgUnit, SafetyDomain domain, PlaceType placeType,
                              Severity severity, String description, LocalDate deadline, LocalDate effectiveDate) {
    }

    /** onTime: rectified on or before the deadline in force. */
    public record HazardRectified(UUID hazardId, String orgUnit, Severity severity, String measures, LocalDate deadline,
                                  boolean onTime, LocalDate effectiveDate) {
    }

    /** status is CLOSED when passed, OPEN again when not. */
    public record HazardVerified(UUID hazardId, String orgUnit, Severity severity, boolean passed, HazardStatus status,
                                 String note, LocalDate effectiveDate) {
    }

    public record DeadlineExtensionRequested(UUID hazardId, UUID extensionId, String orgUnit, LocalDate currentDeadline,
                                             LocalDate requestedDeadline, String reason, LocalDate effectiveDate) {
    }

    /** deadline is the one in force after the decision. */
    public record DeadlineExtensionDecided(UUID hazardId, UUID extensionId, String orgUnit, boolean approved,
                                           LocalDate previousDeadline, LocalDate deadline, String note,
                                           LocalDate effectiveDate) {
    }

    public record HazardListed(UUID hazardId, String orgUnit, Severity severity, String supervisingUnit,
                               LocalDate effectiveDate) {
    }

    /** effectiveDate is the first day past the deadline. */
    public record HazardOverdue(UUID hazardId, String orgUnit, SafetyDomain domain, Severity severity,
                                LocalDate deadline, boolean listed, LocalDate effectiveDate) {
    }
}
