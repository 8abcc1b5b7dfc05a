package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.HazardStatus;
import io.citykpi.shared.contract.safety.Severity;
import io.citykpi.shared.contract.safety.SafetyEvents;
import io.citykpi.safety.inspection.Inspection;
import io.citykpi.safety.inspection.InspectionRequests;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The closed loop of a hazard: found → rectified → verified (closed, or reopened), with extensions and listing. */
@ApplicationScoped
public class HazardService {

    static final int MAX_EXTENSIONS = 2;
    private static final Logger LOG = Logger.getLogger(HazardService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final WriteScope writeScope;

    public HazardService(Outbox outbox, Clock clock, WriteScope writeScope) {
        this.outbox = outbox;
        this.clock = clock;
        this.writeScope = writeScope;
    }

    /** Records a hazard found in {@code inspection}; {@code field} prefixes error fields, e.g. {@code hazards[2]}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Hazard found(Inspection inspection, InspectionRequests.NewHazard request, String field) {
        checkDeadline(request.severity(), inspection.inspectedOn, request.deadline(), field + "deadline");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Hazard hazard = new Hazard();
        hazard.id = UUID.randomUUID();
        hazard.inspectionId = inspection.id;
        hazard.orgUnit = inspection.orgUnit;
        hazard.domain = inspection.domain;
        hazard.placeType = inspection.placeType;
        hazard.severity = request.severity();
        hazard.description = request.description().strip();
        hazard.foundOn = inspection.inspectedOn;
        hazard.originalDeadline = request.deadline();
        hazard.deadline = request.deadline();
        hazard.status = HazardStatus.OPEN;
        hazard.recordedAt = now;
        hazard.updatedAt = now;
        hazard.persist();
        HazardHistory.record(hazard.id, "FOUND", hazard.foundOn, hazard.severity + ", deadline " + hazard.deadline, now);
        outbox.append(SafetyEvents.HAZARD_FOUND, hazard.id.toString(), hazard.orgUnit,
                new SafetyEvents.HazardFound(hazard.id, inspection.id, hazard.orgUnit, hazard.domain, hazard.placeType,
                        hazard.severity, hazard.description, hazard.deadline, hazard.foundOn));
        LOG.infof("%s hazard %s found at %s (%s) in %s, deadline %s", hazard.severity, hazard.id, inspection.placeName,
                hazard.domain, hazard.orgUnit, hazard.deadline);
        return hazard;
    }

    @Transactional
    public HazardViews.HazardView rectify(UUID id, HazardRequests.Rectify request) {
        Hazard hazard = load(id);
        requireStatus(hazard, HazardStatus.OPEN, "rectified");
        notBefore(request.rectifiedOn(), hazard.foundOn, "rectifiedOn", "it was found");
        OffsetDateTime now = OffsetDateTime.now(clock);
        hazard.status = HazardStatus.RECTIFIED;
        hazard.rectifiedOn = request.rectifiedOn();
        hazard.measures = request.measures().strip();
        hazard.updatedAt = now;
        boolean onTime = !request.rectifiedOn().isAfter(hazard.deadline);
        HazardHistory.record(id, HazardStatus.RECTIFIED.name(), request.rectifiedOn(), hazard.measures + (onTime ? "" : " (late)"), now);
        outbox.append(SafetyEvents.HAZARD_RECTIFIED, id.toString(), hazard.orgUnit,
                new SafetyEvents.HazardRectified(id, hazard.orgUnit, hazard.severity, hazard.measures, hazard.deadline,
                        onTime, request.rectifiedOn()));
        LOG.infof("Hazard %s rectified on %s%s", id, request.rectifiedOn(), onTime ? "" : ", after its deadline " + hazard.deadline);
        return view(hazard);
    }

    @Transactional
    public HazardViews.HazardView verify(UUID id, HazardRequests.Verify request) {
        Hazard hazard = load(id);
        requireStatus(hazard, HazardStatus.RECTIFIED, "verified");
        notBefore(request.verifiedOn(), hazard.rectifiedOn, "verifiedOn", "it was rectified");
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean passed = request.passed();
        hazard.status = passed ? HazardStatus.CLOSED : HazardStatus.OPEN;
        hazard.verifiedOn = request.verifiedOn();
        if (!passed) {
            hazard.rectifiedOn = null;
            hazard.measures = null;
        }
        hazard.updatedAt = now;
        HazardHistory.record(id, passed ? "VERIFIED_CLOSED" : "VERIFICATION_FAILED_REOPENED", request.verifiedOn(),
                request.note(), now);
        outbox.append(SafetyEvents.HAZARD_VERIFIED, id.toString(), hazard.orgUnit,
                new SafetyEvents.HazardVerified(id, hazard.orgUnit, hazard.severity, passed, hazard.status, request.note(),
                        request.verifiedOn()));
        LOG.infof("Hazard %s verification on %s %s", id, request.verifiedOn(), passed ? "passed: closed" : "failed: reopened");
        return view(hazard);
    }

    @Transactional
    public HazardViews.ExtensionView requestExtension(UUID id, HazardRequests.RequestExtension request) {
        Hazard hazard = load(id);
        requireStatus(hazard, HazardStatus.OPEN, "given a new deadline");
        List<DeadlineExtension> extensions = DeadlineExtension.of(id);
        if (extensions.stream().anyMatch(e -> e.status == ExtensionStatus.PENDING)) {
            throw ProblemException.conflict("extension-pending", "hazard " + id
                    + " already has an extension request waiting for a decision", Map.of());
        }
        if (extensions.size() >= MAX_EXTENSIONS) {
            throw ProblemException.conflict("extension-limit", "hazard " + id + " has had " + extensions.size()
                    + " extension requests; at most " + MAX_EXTENSIONS + " are allowed", Map.of("limit", MAX_EXTENSIONS));
        }
        if (!request.requestedDeadline().isAfter(hazard.deadline)) {
            throw InvalidFieldsException.of("requestedDeadline", "AfterCurrentDeadline",
                    "must be after the deadline in force, " + hazard.deadline);
        }
        checkDeadline(hazard.severity, hazard.foundOn, request.requestedDeadline(), "requestedDeadline");
        LocalDate requestedOn = request.requestedOn() != null ? request.requestedOn() : BusinessTime.today(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        DeadlineExtension extension = new DeadlineExtension();
        extension.id = UUID.randomUUID();
        extension.hazardId = id;
        extension.reason = request.reason().strip();
        extension.requestedDeadline = request.requestedDeadline();
        extension.requestedOn = requestedOn;
        extension.status = ExtensionStatus.PENDING;
        extension.recordedAt = now;
        extension.persist();
        hazard.updatedAt = now;
        HazardHistory.record(id, "EXTENSION_REQUESTED", requestedOn, "to " + request.requestedDeadline() + ": "
                + extension.reason, now);
        outbox.append(SafetyEvents.EXTENSION_REQUESTED, id.toString(), hazard.orgUnit,
                new SafetyEvents.DeadlineExtensionRequested(id, extension.id, hazard.orgUnit, hazard.deadline,
                        request.requestedDeadline(), extension.reason, requestedOn));
        return HazardViews.ExtensionView.of(extension);
    }

    @Transactional
    public HazardViews.HazardView decideExtension(UUID id, UUID extensionId, HazardRequests.DecideExtension request) {
        Hazard hazard = load(id);
        DeadlineExtension extension = DeadlineExtension.<DeadlineExtension>findByIdOptional(extensionId)
                .filter(e -> e.hazardId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("extension request", extensionId));
        if (extension.status != ExtensionStatus.PENDING) {
            throw ProblemException.conflict("extension-decided", "extension request " + extensionId + " was already "
                    + extension.status, Map.of("status", extension.status));
        }
        notBefore(request.decidedOn(), extension.requestedOn, "decidedOn", "it was requested");
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate previous = hazard.deadline;
        boolean approved = request.approved();
        extension.status = approved ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED;
        extension.decidedOn = request.decidedOn();
        extension.decisionNote = request.note();
        if (approved) {
            hazard.deadline = extension.requestedDeadline;
        }
        hazard.updatedAt = now;
        HazardHistory.record(id, approved ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED", request.decidedOn(),
                approved ? "deadline " + previous + " → " + hazard.deadline : request.note(), now);
        outbox.append(SafetyEvents.EXTENSION_DECIDED, id.toString(), hazard.orgUnit,
                new SafetyEvents.DeadlineExtensionDecided(id, extensionId, hazard.orgUnit, approved, previous,
                        hazard.deadline, request.note(), request.decidedOn()));
        LOG.infof("Extension for hazard %s %s; deadline %s", id, approved ? "approved" : "rejected", hazard.deadline);
        return view(hazard);
    }

    @Transactional
    public HazardViews.HazardView list(UUID id, HazardRequests.ListForSupervision request) {
        Hazard hazard = load(id);
        if (hazard.severity != Severity.MAJOR) {
            throw ProblemException.conflict("not-major", "only major hazards are listed for supervision (挂牌督办)",
                    Map.of("severity", hazard.severity));
        }
        if (hazard.listedOn != null) {
            throw ProblemException.conflict("already-listed", "hazard " + id + " was listed on " + hazard.listedOn
                    + " by " + hazard.supervisingUnit, Map.of("listedOn", hazard.listedOn));
        }
        if (hazard.status == HazardStatus.CLOSED) {
            throw ProblemException.conflict("hazard-closed", "hazard " + id + " is closed", Map.of("status", hazard.status));
        }
        notBefore(request.listedOn(), hazard.foundOn, "listedOn", "it was found");
        OffsetDateTime now = OffsetDateTime.now(clock);
        hazard.listedOn = request.listedOn();
        hazard.supervisingUnit = request.supervisingUnit().strip();
        hazard.updatedAt = now;
        HazardHistory.record(id, "LISTED", request.listedOn(), hazard.supervisingUnit, now);
        outbox.append(SafetyEvents.HAZARD_LISTED, id.toString(), hazard.orgUnit,
                new SafetyEvents.HazardListed(id, hazard.orgUnit, hazard.severity, hazard.supervisingUnit,
                        request.listedOn()));
        LOG.infof("Major hazard %s listed for supervision by %s on %s", id, hazard.supervisingUnit, request.listedOn());
        return view(hazard);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HazardViews.HazardDetail detail(UUID id) {
        Hazard hazard = Hazard.<Hazard>findByIdOptional(id).orElseThrow(() -> notFound(id));
        return new HazardViews.HazardDetail(view(hazard),
                HazardHistory.of(id).stream().map(HazardViews.HistoryView::of).toList(),
                DeadlineExtension.of(id).stream().map(HazardViews.ExtensionView::of).toList());
    }

    HazardViews.HazardView view(Hazard hazard) {
        return HazardViews.HazardView.of(hazard, BusinessTime.today(clock));
    }

    /** The deadline rules of a new hazard and of an extension. */
    static void checkDeadline(Severity severity, LocalDate foundOn, LocalDate deadline, String field) {
        if (deadline.isBefore(foundOn)) {
            throw InvalidFieldsException.of(field, "NotBeforeDiscovery", "must not be before the hazard was found, " + foundOn);
        }
        if (severity == Severity.MAJOR && deadline.isAfter(foundOn.plusYears(1))) {
            throw InvalidFieldsException.of(field, "MajorWithinOneYear",
                    "a major hazard must be rectified within one year of discovery, by " + foundOn.plusYears(1));
        }
    }

    private static void requireStatus(Hazard hazard, HazardStatus required, String action) {
        if (hazard.status != required) {
            throw ProblemException.conflict("illegal-hazard-transition", "hazard " + hazard.id + " is " + hazard.status
                    + " and cannot be " + action + "; that needs status " + required,
                    Map.of("currentStatus", hazard.status, "requiredStatus", required));
        }
    }

    private static void notBefore(LocalDate date, LocalDate earliest, String field, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw ProblemException.conflict("date-before-previous-step", field + " " + date + " is before " + what
                    + " on " + earliest, Map.of("earliest", earliest));
        }
    }

    /** A hazard about to change: locked against concurrent writers, if the caller may write for its org unit. */
    private Hazard load(UUID id) {
        Hazard hazard = Hazard.findForUpdate(id).orElseThrow(() -> notFound(id));
        writeScope.check(hazard.orgUnit);
        return hazard;
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("hazard", id);
    }
}
