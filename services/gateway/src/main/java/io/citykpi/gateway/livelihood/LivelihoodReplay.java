package io.citykpi.gateway.livelihood;

import io.citykpi.shared.time.ReportingMonths;
import io.citykpi.shared.contract.livelihood.HotlineEvents;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;

import io.citykpi.gateway.facts.Fact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Livelihood records as their facts tell them: a 12345 case on a cut-off, a programme's completion. */
final class LivelihoodReplay {

    static final Set<String> TYPES = Set.of(LivelihoodEvents.PROGRAMME_CREATED, LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.PROGRESS_CORRECTED,
            LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED, LivelihoodEvents.EMPLOYMENT_REPORTED, LivelihoodEvents.EMPLOYMENT_CORRECTED, HotlineEvents.RECEIVED,
            HotlineEvents.ACCEPTED, HotlineEvents.RESOLVED, HotlineEvents.FEEDBACK, HotlineEvents.SENT_BACK, HotlineEvents.ESCALATED);
    static final String[] CASE_TYPES = {HotlineEvents.RECEIVED, HotlineEvents.ACCEPTED, HotlineEvents.RESOLVED, HotlineEvents.FEEDBACK, HotlineEvents.SENT_BACK,
            HotlineEvents.ESCALATED};

    private LivelihoodReplay() {
    }

    /** A 12345 case in its state on a cut-off: received, accepted, resolved (unless sent back), its latest feedback. */
    static final class HotlineCase {
        Fact received;
        Fact accepted;
        Fact resolved;
        Fact feedback;
        final List<Fact> seen = new ArrayList<>();

        void apply(Fact f) {
            switch (f.type()) {
                case HotlineEvents.RECEIVED -> received = f;
                case HotlineEvents.ACCEPTED -> accepted = f;
                case HotlineEvents.RESOLVED -> resolved = f;
                case HotlineEvents.FEEDBACK -> feedback = f;
                // Sent back for rework (发回重办): the earlier resolution no longer stands until the case is
                // resolved again, but the caller's verdict does until new feedback replaces it, so sending a
                // case back never improves satisfaction.
                case HotlineEvents.SENT_BACK -> resolved = null;
                default -> {
                }
            }
            seen.add(f);
        }
    }

    /** A programme is complete once the quantity reported for months over by the cut-off reaches its plan. */
    record Completion(boolean complete, List<Fact> evidence) {

        /**
         * @param progress the programme's monthly reports, the latest recorded per month
         */
        static Completion on(Fact created, List<Fact> progress, LocalDate cutoff) {
            List<Fact> evidence = new ArrayList<>(List.of(created));
            BigDecimal planned = decimal(created.data(), "plannedQuantity");
            Fact newest = null;
            BigDecimal done = BigDecimal.ZERO;
            for (Fact f : progress) {
                if (ReportingMonths.isOver(month(f.data(), "month"), cutoff)) {
                    done = done.add(decimal(f.data(), "quantity"));
                    evidence.add(f);
                    if (newest == null || Fact.RECORDING_ORDER.compare(f, newest) > 0) {
                        newest = f;
                    }
                }
            }
            // The plan as the most recently recorded report states it (a plan can be revised during the year).
            if (newest != null) {
                planned = decimal(newest.data(), "plannedQuantity");
            }
            return new Completion(planned.signum() > 0 && done.compareTo(planned) >= 0, evidence);
        }
    }
}
