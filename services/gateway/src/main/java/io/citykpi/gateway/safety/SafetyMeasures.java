package io.citykpi.gateway.safety;

import static io.citykpi.gateway.facts.Payload.date;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.kpi.Facts.add;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.kpi.Contribution;
import io.citykpi.gateway.kpi.DomainMeasures;
import io.citykpi.gateway.kpi.Facts;
import io.citykpi.gateway.kpi.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KPIs of safety inspections and hazards. A hazard's state on the cut-off is replayed from its
 * history: found, rectified, verified (closed, or open again), its deadline as extended. Overdue is
 * derived from that deadline, so it is right for any as-of date, not only the day the job ran.
 */
@ApplicationScoped
public class SafetyMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/safety-inspection";
    static final String INSPECTION_RECORDED = "citykpi.safety-inspection.inspection-recorded.v1";
    static final String HAZARD_FOUND = "citykpi.safety-inspection.hazard-found.v1";
    static final String HAZARD_RECTIFIED = "citykpi.safety-inspection.hazard-rectified.v1";
    static final String HAZARD_VERIFIED = "citykpi.safety-inspection.hazard-verified.v1";
    static final String EXTENSION_DECIDED = "citykpi.safety-inspection.deadline-extension-decided.v1";
    static final String HAZARD_LISTED = "citykpi.safety-inspection.hazard-listed.v1";
    static final String HAZARD_OVERDUE = "citykpi.safety-inspection.hazard-overdue.v1";

    @Override
    public String domain() {
        return "safety";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> types() {
        return Set.of(INSPECTION_RECORDED, HAZARD_FOUND, HAZARD_RECTIFIED, HAZARD_VERIFIED, EXTENSION_DECIDED,
                HAZARD_LISTED, HAZARD_OVERDUE);
    }

    @Override
    public void check(Fact fact) {
        switch (fact.type()) {
            case INSPECTION_RECORDED -> text(fact.data(), "placeName");
            case HAZARD_FOUND -> {
                text(fact.data(), "severity");
                text(fact.data(), "domain");
                date(fact.data(), "deadline");
            }
            case HAZARD_VERIFIED -> text(fact.data(), "status");
            case EXTENSION_DECIDED -> date(fact.data(), "deadline");
            default -> {
            }
        }
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        LocalDate cutoff = window.cutoff();
        for (Fact f : Facts.ofTypes(facts, INSPECTION_RECORDED)) {
            if (window.covers(f.effectiveDate())) {
                add(out, "safety.inspections", Contribution.count(f.orgUnit(), new Contribution.Record("inspection",
                        f.subject(), text(f.data(), "placeName"), SOURCE, "/api/v1/inspections/" + f.subject()),
                        List.of(f)));
            }
        }
        for (List<Fact> history : Facts.histories(Facts.ofTypes(facts, HAZARD_FOUND, HAZARD_RECTIFIED,
                HAZARD_VERIFIED, EXTENSION_DECIDED, HAZARD_LISTED)).values()) {
            Fact found = null;
            LocalDate deadline = null;
            boolean rectified = false;
            boolean closed = false;
            List<Fact> seen = new ArrayList<>();
            for (Fact f : history) {
                if (!f.effectiveBy(cutoff)) {
                    break;
                }
                switch (f.type()) {
                    case HAZARD_FOUND -> {
                        found = f;
                        deadline = date(f.data(), "deadline");
                    }
                    case HAZARD_RECTIFIED -> rectified = true;
                    case HAZARD_VERIFIED -> {
                        closed = "CLOSED".equals(text(f.data(), "status"));
                        // A failed verification sends the hazard back to be rectified again.
                        rectified = closed;
                    }
                    case EXTENSION_DECIDED -> deadline = date(f.data(), "deadline");
                    default -> {
                    }
                }
                seen.add(f);
            }
            if (found == null) {
                continue;
            }
            String orgUnit = found.orgUnit();
            String severity = text(found.data(), "severity");
            Contribution.Record record = new Contribution.Record("hazard", found.subject(),
                    severity + " " + text(found.data(), "domain"), SOURCE, "/api/v1/hazards/" + found.subject());
            if (window.covers(found.effectiveDate())) {
                add(out, "safety.hazards-found", Contribution.count(orgUnit, record, List.of(found)));
                add(out, "safety.hazard-rectification-rate", Contribution.hit(orgUnit, rectified, record, seen));
            }
            if (!rectified && deadline.isBefore(cutoff)) {
                add(out, "safety.hazards-overdue", Contribution.count(orgUnit, record, seen));
            }
            if (!closed && "MAJOR".equals(severity)) {
                add(out, "safety.major-hazards-open", Contribution.count(orgUnit, record, seen));
            }
        }
        return out;
    }
}
