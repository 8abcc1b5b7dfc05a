package io.citykpi.gateway.safety;

import io.citykpi.shared.contract.safety.SafetyEvents;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.reference.DomainMeasures.add;
import static io.citykpi.gateway.safety.HazardReplay.HAZARD_HISTORY;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.reference.DomainMeasures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** KPIs of safety inspections and hazards, by replay: each hazard read in its state on the cut-off. */
@ApplicationScoped
public class SafetyMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/safety-inspection";

    @Override
    public String domain() {
        return "safety";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        LocalDate cutoff = window.cutoff();
        for (Fact f : FactLists.ofTypes(facts, SafetyEvents.INSPECTION_RECORDED)) {
            if (window.covers(f.effectiveDate())) {
                add(out, "safety.inspections", Contribution.count(f.orgUnit(), inspection(f), List.of(f)));
            }
        }
        for (List<Fact> history : FactLists.histories(FactLists.ofTypes(facts, HAZARD_HISTORY)).values()) {
            HazardReplay.Hazard h = new HazardReplay.Hazard();
            for (Fact f : history) {
                if (!f.effectiveBy(cutoff)) {
                    break;
                }
                h.apply(f);
            }
            if (h.found == null) {
                continue;
            }
            String orgUnit = h.found.orgUnit();
            Contribution.Record record = hazard(h.found);
            List<Fact> seen = List.copyOf(h.seen);
            if (window.covers(h.found.effectiveDate())) {
                add(out, "safety.hazards-found", Contribution.count(orgUnit, record, List.of(h.found)));
                add(out, "safety.hazard-rectification-rate", Contribution.hit(orgUnit, h.rectified, record, seen));
            }
            if (h.overdueOn(cutoff)) {
                add(out, "safety.hazards-overdue", Contribution.count(orgUnit, record, seen));
            }
            if (!h.closed && h.major()) {
                add(out, "safety.major-hazards-open", Contribution.count(orgUnit, record, seen));
            }
        }
        return out;
    }

    static Contribution.Record inspection(Fact f) {
        return new Contribution.Record("inspection", f.subject(), text(f.data(), "placeName"), SOURCE,
                "/api/v1/inspections/" + f.subject());
    }

    static Contribution.Record hazard(Fact found) {
        return new Contribution.Record("hazard", found.subject(),
                text(found.data(), "severity") + " " + text(found.data(), "domain"), SOURCE,
                "/api/v1/hazards/" + found.subject());
    }
}
