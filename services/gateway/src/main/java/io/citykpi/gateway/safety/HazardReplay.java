package io.citykpi.gateway.safety;

import static io.citykpi.gateway.facts.Payload.date;
import static io.citykpi.gateway.facts.Payload.text;

import io.citykpi.gateway.facts.Fact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hazard as its facts tell it, replayed in history order: found, rectified, verified (closed, or
 * open again), its deadline as extended. Overdue is derived from that deadline and the cut-off, so it
 * is right for any as-of date, not only the day the overdue job ran.
 */
final class HazardReplay {

    static final String INSPECTION_RECORDED = "citykpi.safety-inspection.inspection-recorded.v1";
    static final String HAZARD_FOUND = "citykpi.safety-inspection.hazard-found.v1";
    static final String HAZARD_RECTIFIED = "citykpi.safety-inspection.hazard-rectified.v1";
    static final String HAZARD_VERIFIED = "citykpi.safety-inspection.hazard-verified.v1";
    static final String EXTENSION_DECIDED = "citykpi.safety-inspection.deadline-extension-decided.v1";
    static final String HAZARD_LISTED = "citykpi.safety-inspection.hazard-listed.v1";
    static final String HAZARD_OVERDUE = "citykpi.safety-inspection.hazard-overdue.v1";

    static final Set<String> TYPES = Set.of(INSPECTION_RECORDED, HAZARD_FOUND, HAZARD_RECTIFIED, HAZARD_VERIFIED,
            EXTENSION_DECIDED, HAZARD_LISTED, HAZARD_OVERDUE);
    static final String[] HAZARD_HISTORY = {HAZARD_FOUND, HAZARD_RECTIFIED, HAZARD_VERIFIED, EXTENSION_DECIDED,
            HAZARD_LISTED};

    private HazardReplay() {
    }

    static final class Hazard {
        Fact found;
        LocalDate deadline;
        boolean rectified;
        boolean closed;
        final List<Fact> seen = new ArrayList<>();

        void apply(Fact f) {
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

        String severity() {
            return text(found.data(), "severity");
        }

        boolean major() {
            return "MAJOR".equals(severity());
        }

        /** Overdue on a cut-off: past the deadline in force and not rectified. */
        boolean overdueOn(LocalDate cutoff) {
            return !rectified && deadline.isBefore(cutoff);
        }

        /** The first cut-off on which the hazard is overdue if nothing else happens. */
        LocalDate overdueFrom() {
            return deadline.plusDays(1);
        }
    }
}
