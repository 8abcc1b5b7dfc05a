package io.citykpi.gateway.safety;

import io.citykpi.shared.contract.safety.SafetyEvents;
import static io.citykpi.gateway.facts.Payload.date;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.safety.HazardReplay.HAZARD_HISTORY;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.ledger.LedgerEntry;
import io.citykpi.gateway.ledger.LedgerRow;
import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ledger rows of an inspection (a flow on its day) and of a hazard over its life. */
@ApplicationScoped
public class SafetyLedger implements LedgerRules {

    @Override
    public String source() {
        return SafetyMeasures.SOURCE;
    }

    @Override
    public Set<String> types() {
        return HazardReplay.TYPES;
    }

    @Override
    public void check(Fact fact) {
        switch (fact.type()) {
            case SafetyEvents.INSPECTION_RECORDED -> text(fact.data(), "placeName");
            case SafetyEvents.HAZARD_FOUND -> {
                text(fact.data(), "severity");
                text(fact.data(), "domain");
                date(fact.data(), "deadline");
            }
            case SafetyEvents.HAZARD_VERIFIED -> text(fact.data(), "status");
            case SafetyEvents.EXTENSION_DECIDED -> date(fact.data(), "deadline");
            default -> {
            }
        }
    }

    @Override
    public String replayKey(Fact fact) {
        return (SafetyEvents.INSPECTION_RECORDED.equals(fact.type()) ? "inspection:" : "hazard:") + fact.subject();
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of("inspection", "hazard");
    }

    @Override
    public String path(String recordKind, String recordId) {
        return ("inspection".equals(recordKind) ? "/api/v1/inspections/" : "/api/v1/hazards/") + recordId;
    }

    @Override
    public List<LedgerRow> rows(List<Fact> facts) {
        Timeline timeline = new Timeline();
        for (Fact f : FactLists.ofTypes(facts, SafetyEvents.INSPECTION_RECORDED)) {
            timeline.always(new LedgerEntry.Subject("inspection", f.subject(), text(f.data(), "placeName"),
                            attributes(f, "domain", "placeType"))
                    .entry("safety.inspections", f.orgUnit()).count().occurredOn(f.effectiveDate()).evidence(f).build());
        }
        List<Fact> history = FactLists.history(facts, HAZARD_HISTORY);
        HazardReplay.Hazard h = new HazardReplay.Hazard();
        int i = 0;
        while (i < history.size()) {
            LocalDate day = history.get(i).effectiveDate();
            while (i < history.size() && history.get(i).effectiveDate().equals(day)) {
                h.apply(history.get(i++));
            }
            LocalDate next = i < history.size() ? history.get(i).effectiveDate() : null;
            if (h.found == null) {
                continue;
            }
            Fact found = h.found;
            String orgUnit = found.orgUnit();
            LedgerEntry.Subject subject = new LedgerEntry.Subject("hazard", found.subject(),
                    text(found.data(), "severity") + " " + text(found.data(), "domain"),
                    attributes(found, "domain", "placeType", "severity"));
            List<Fact> seen = List.copyOf(h.seen);
            LocalDate foundOn = found.effectiveDate();
            timeline.add(subject.entry("safety.hazards-found", orgUnit).count().occurredOn(foundOn).evidence(found)
                    .build(), day, next);
            timeline.add(subject.entry("safety.hazard-rectification-rate", orgUnit).hit(h.rectified).occurredOn(foundOn)
                    .evidence(seen).build(), day, next);
            if (!h.rectified) {
                LocalDate overdueFrom = h.overdueFrom().isAfter(day) ? h.overdueFrom() : day;
                timeline.add(subject.entry("safety.hazards-overdue", orgUnit).count().evidence(seen).build(),
                        overdueFrom, next);
            }
            if (!h.closed && h.major()) {
                timeline.add(subject.entry("safety.major-hazards-open", orgUnit).count().evidence(seen).build(), day, next);
            }
        }
        return timeline.rows();
    }

    private static Map<String, String> attributes(Fact f, String... fields) {
        Map<String, String> attributes = new HashMap<>();
        for (String field : fields) {
            if (f.data().path(field).isTextual()) {
                attributes.put(field, f.data().get(field).asText());
            }
        }
        return attributes;
    }
}
