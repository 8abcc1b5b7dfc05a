package io.citykpi.gateway.safety;

import io.citykpi.shared.contract.safety.SafetyEvents;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.Payload;
import io.citykpi.shared.contract.safety.HazardDeadlines;
import io.citykpi.shared.contract.safety.HazardStatus;
import io.citykpi.shared.contract.safety.Severity;
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

    static final Set<String> TYPES = Set.of(SafetyEvents.INSPECTION_RECORDED, SafetyEvents.HAZARD_FOUND, SafetyEvents.HAZARD_RECTIFIED, SafetyEvents.HAZARD_VERIFIED,
            SafetyEvents.EXTENSION_DECIDED, SafetyEvents.HAZARD_LISTED, SafetyEvents.HAZARD_OVERDUE);
    static final String[] HAZARD_HISTORY = {SafetyEvents.HAZARD_FOUND, SafetyEvents.HAZARD_RECTIFIED, SafetyEvents.HAZARD_VERIFIED, SafetyEvents.EXTENSION_DECIDED,
            SafetyEvents.HAZARD_LISTED};

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
                case SafetyEvents.HAZARD_FOUND -> {
                    found = f;
                    deadline = Payload.inRange(f.payload(SafetyEvents.HazardFound.class).deadline(), "deadline");
                }
                case SafetyEvents.HAZARD_RECTIFIED -> rectified = true;
                case SafetyEvents.HAZARD_VERIFIED -> {
                    closed = f.payload(SafetyEvents.HazardVerified.class).status() == HazardStatus.CLOSED;
                    // A failed verification sends the hazard back to be rectified again.
                    rectified = closed;
                }
                case SafetyEvents.EXTENSION_DECIDED -> deadline = Payload.inRange(
                        f.payload(SafetyEvents.DeadlineExtensionDecided.class).deadline(), "deadline");
                default -> {
                }
            }
            seen.add(f);
        }

        Severity severity() {
            return found.payload(SafetyEvents.HazardFound.class).severity();
        }

        boolean major() {
            return severity() == Severity.MAJOR;
        }

        /** Overdue on a cut-off, as the contract defines it (HazardDeadlines). */
        boolean overdueOn(LocalDate cutoff) {
            return HazardDeadlines.overdueOn(deadline, rectified, cutoff);
        }

        /** The first cut-off on which the hazard is overdue if nothing else happens. */
        LocalDate overdueFrom() {
            return HazardDeadlines.firstOverdueDay(deadline);
        }
    }
}
