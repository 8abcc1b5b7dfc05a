package io.citykpi.gateway.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.ingest.UnusableEventException;
import io.citykpi.gateway.kpi.DomainMeasures;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps an applied event as a fact when a KPI uses its type. The payload is read here exactly as the
 * KPI engine will read it, so an event the engine could not use goes to the dead-letter topic at
 * ingest instead of breaking a query later.
 */
@ApplicationScoped
public class FactRecorder {

    private final Instance<DomainMeasures> domainBeans;
    private final OrgUnitRegistry orgUnits;
    private final FactStore store;
    private Map<String, DomainMeasures> byType;

    public FactRecorder(@Any Instance<DomainMeasures> domainBeans, OrgUnitRegistry orgUnits, FactStore store) {
        this.domainBeans = domainBeans;
        this.orgUnits = orgUnits;
        this.store = store;
    }

    @PostConstruct
    void index() {
        Map<String, DomainMeasures> map = new HashMap<>();
        for (DomainMeasures domain : domainBeans) {
            domain.types().forEach(type -> {
                if (map.put(type, domain) != null) {
                    throw new IllegalStateException("two domains claim " + type);
                }
            });
        }
        byType = Map.copyOf(map);
    }

    /** @return false when no KPI uses the event's type (it is only remembered as seen) */
    public boolean record(int generation, CloudEvent event) {
        DomainMeasures domain = byType.get(event.type());
        if (domain == null) {
            return false;
        }
        if (!domain.source().equals(event.source())) {
            throw new UnusableEventException(event.type() + " must come from " + domain.source() + ", not " + event.source());
        }
        JsonNode data = event.data();
        String orgUnit = Optional.ofNullable(data.get("orgUnit")).map(JsonNode::asText).orElse(event.orgUnit());
        if (!orgUnits.exists(orgUnit)) {
            throw new UnusableEventException("unknown organisation unit " + orgUnit);
        }
        Fact fact = new Fact(event.id(), event.type(), event.source(), event.subject(), orgUnit,
                Payload.date(data, "effectiveDate"), event.time(), 0, data);
        domain.check(fact);
        store.insert(generation, event, orgUnit, fact.effectiveDate());
        return true;
    }
}
