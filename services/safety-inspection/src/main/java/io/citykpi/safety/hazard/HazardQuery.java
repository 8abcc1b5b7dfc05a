package io.citykpi.safety.hazard;

import io.citykpi.shared.contract.safety.HazardStatus;
import io.citykpi.shared.contract.safety.Severity;
import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.paging.SortSpec;
import io.citykpi.shared.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hazard list leaders and inspectors filter: overdue, listed, major, by unit, domain and place. */
@ApplicationScoped
public class HazardQuery {

    private static final Map<String, String> SORTABLE = Map.of("foundOn", "foundOn", "deadline", "deadline",
            "severity", "severity", "status", "status", "orgUnit", "orgUnit", "updatedAt", "updatedAt");

    public record Filter(String orgUnit, SafetyDomain domain, PlaceType placeType, Severity severity,
                         HazardStatus status, Boolean overdue, Boolean listed, LocalDate foundFrom, LocalDate foundTo) {
    }

    private final OrgUnitRegistry orgUnits;
    private final Clock clock;

    public HazardQuery(OrgUnitRegistry orgUnits, Clock clock) {
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<HazardViews.HazardView> list(Filter filter, String sort, int page, int size) {
        LocalDate today = BusinessTime.today(clock);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.orgUnit() != null) {
            where.add("orgUnit in :orgUnits");
            params.put("orgUnits", orgUnits.selfAndDescendants(filter.orgUnit()));
        }
        add(where, params, "domain", filter.domain());
        add(where, params, "placeType", filter.placeType());
        add(where, params, "severity", filter.severity());
        add(where, params, "status", filter.status());
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(status = :open and deadline < :today)"
                    : "not (status = :open and deadline < :today)");
            params.put("open", HazardStatus.OPEN);
            params.put("today", today);
        }
        if (filter.listed() != null) {
            where.add(filter.listed() ? "listedOn is not null" : "listedOn is null");
        }
        if (filter.foundFrom() != null) {
            where.add("foundOn >= :foundFrom");
            params.put("foundFrom", filter.foundFrom());
        }
        if (filter.foundTo() != null) {
            where.add("foundOn <= :foundTo");
            params.put("foundTo", filter.foundTo());
        }
        PanacheQuery<Hazard> query = Hazard.find(where.isEmpty() ? "true = true" : String.join(" and ", where),
                SortSpec.parse(sort, "-foundOn", SORTABLE, "id"), params);
        List<HazardViews.HazardView> items = query.page(Page.of(page, size)).list().stream()
                .map(h -> HazardViews.HazardView.of(h, today)).toList();
        return PageView.of(items, page, size, query.count());
    }

    private static void add(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
