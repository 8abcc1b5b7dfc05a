package io.citykpi.safety.inspection;

import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.shared.contract.safety.SafetyEvents;
import io.citykpi.safety.hazard.Hazard;
import io.citykpi.safety.hazard.HazardService;
import io.citykpi.safety.hazard.HazardViews;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.paging.SortSpec;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Inspections ("监管+专家") and the hazards they find; the inspection and its hazards commit together. */
@ApplicationScoped
public class InspectionService {

    private static final Logger LOG = Logger.getLogger(InspectionService.class);
    private static final Map<String, String> SORTABLE = Map.of("inspectedOn", "inspectedOn", "orgUnit", "orgUnit",
            "domain", "domain", "placeType", "placeType");

    public record Filter(String orgUnit, SafetyDomain domain, PlaceType placeType, Boolean withExperts, LocalDate from,
                         LocalDate to) {
    }

    private final HazardService hazards;
    private final Outbox outbox;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public InspectionService(HazardService hazards, Outbox outbox, Clock clock, OrgUnitRegistry orgUnits,
                             WriteScope writeScope) {
        this.hazards = hazards;
        this.outbox = outbox;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    @Transactional
    public InspectionViews.InspectionDetail record(InspectionRequests.RecordInspection request) {
        writeScope.check(request.orgUnit());
        if (request.penaltyAmount() != null && request.penaltyAmount().signum() > 0
                && (request.penaltiesIssued() == null || request.penaltiesIssued() == 0)) {
            throw InvalidFieldsException.of("penaltiesIssued", "PenaltiesForAmount",
                    "must be at least 1 when a penalty amount is given");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.orgUnit = request.orgUnit();
        inspection.domain = request.domain();
        inspection.placeType = request.placeType();
        inspection.placeName = request.placeName().strip();
        inspection.address = request.address();
        inspection.inspectedOn = request.inspectedOn();
        inspection.team = request.team().strip();
        inspection.withExperts = request.withExperts();
        inspection.experts = request.experts();
        inspection.projectCode = request.projectCode();
        inspection.penaltiesIssued = request.penaltiesIssued();
        inspection.penaltyAmount = request.penaltyAmount() == null ? null
                : request.penaltyAmount().setScale(2, RoundingMode.UNNECESSARY);
        inspection.recordedAt = now;
        inspection.persist();
        List<InspectionRequests.NewHazard> found = request.hazards() == null ? List.of() : request.hazards();
        outbox.append(SafetyEvents.INSPECTION_RECORDED, inspection.id.toString(), inspection.orgUnit,
                new SafetyEvents.InspectionRecorded(inspection.id, inspection.orgUnit, inspection.domain,
                        inspection.placeType, inspection.placeName, inspection.withExperts, inspection.projectCode,
                        inspection.penaltiesIssued, inspection.penaltyAmount, found.size(), inspection.inspectedOn));
        List<Hazard> created = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            created.add(hazards.found(inspection, found.get(i), "hazards[" + i + "]."));
        }
        LOG.infof("Inspection of %s (%s, %s) in %s on %s: %d hazards%s", inspection.placeName, inspection.domain,
                inspection.placeType, inspection.orgUnit, inspection.inspectedOn, created.size(),
                inspection.withExperts ? ", with experts" : "");
        LocalDate today = BusinessTime.today(clock);
        return new InspectionViews.InspectionDetail(InspectionViews.InspectionView.of(inspection),
                created.stream().map(h -> HazardViews.HazardView.of(h, today)).toList());
    }

    @Transactional
    public HazardViews.HazardView addHazard(UUID inspectionId, InspectionRequests.NewHazard request) {
        Inspection inspection = Inspection.<Inspection>findByIdOptional(inspectionId)
                .orElseThrow(() -> ProblemException.notFound("inspection", inspectionId));
        writeScope.check(inspection.orgUnit);
        return HazardViews.HazardView.of(hazards.found(inspection, request, ""), BusinessTime.today(clock));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionViews.InspectionDetail detail(UUID id) {
        Inspection inspection = Inspection.<Inspection>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("inspection", id));
        LocalDate today = BusinessTime.today(clock);
        return new InspectionViews.InspectionDetail(InspectionViews.InspectionView.of(inspection),
                Hazard.<Hazard>list("inspectionId = ?1 order by recordedAt, id", id).stream()
                        .map(h -> HazardViews.HazardView.of(h, today)).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<InspectionViews.InspectionView> list(Filter filter, String sort, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.orgUnit() != null) {
            where.add("orgUnit in :orgUnits");
            params.put("orgUnits", orgUnits.selfAndDescendants(filter.orgUnit()));
        }
        if (filter.domain() != null) {
            where.add("domain = :domain");
            params.put("domain", filter.domain());
        }
        if (filter.placeType() != null) {
            where.add("placeType = :placeType");
            params.put("placeType", filter.placeType());
        }
        if (filter.withExperts() != null) {
            where.add("withExperts = :withExperts");
            params.put("withExperts", filter.withExperts());
        }
        if (filter.from() != null) {
            where.add("inspectedOn >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("inspectedOn <= :to");
            params.put("to", filter.to());
        }
        PanacheQuery<Inspection> query = Inspection.find(where.isEmpty() ? "true = true" : String.join(" and ", where),
                SortSpec.parse(sort, "-inspectedOn", SORTABLE, "id"), params);
        return PageView.of(query.page(Page.of(page, size)).list().stream().map(InspectionViews.InspectionView::of).toList(),
                page, size, query.count());
    }
}
