package io.citykpi.gateway.livelihood;

import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.period.Window;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Livelihood records as their facts tell them: a 12345 case on a cut-off, a programme's completion. */
final class LivelihoodReplay {

    static final String PROGRAMME_CREATED = "citykpi.livelihood.programme-created.v1";
    static final String PROGRESS_REPORTED = "citykpi.livelihood.programme-progress-reported.v1";
    static final String PROGRESS_CORRECTED = "citykpi.livelihood.programme-progress-corrected.v1";
    static final String ASSISTANCE_REPORTED = "citykpi.livelihood.assistance-reported.v1";
    static final String ASSISTANCE_CORRECTED = "citykpi.livelihood.assistance-corrected.v1";
    static final String EMPLOYMENT_REPORTED = "citykpi.livelihood.employment-reported.v1";
    static final String EMPLOYMENT_CORRECTED = "citykpi.livelihood.employment-corrected.v1";
    static final String CASE_RECEIVED = "citykpi.livelihood.hotline-case-received.v1";
    static final String CASE_ACCEPTED = "citykpi.livelihood.hotline-case-accepted.v1";
    static final String CASE_RESOLVED = "citykpi.livelihood.hotline-case-resolved.v1";
    static final String CASE_FEEDBACK = "citykpi.livelihood.hotline-case-feedback-recorded.v1";
    static final String CASE_SENT_BACK = "citykpi.livelihood.hotline-case-sent-back.v1";
    static final String CASE_ESCALATED = "citykpi.livelihood.hotline-case-escalated.v1";

    static final Set<String> TYPES = Set.of(PROGRAMME_CREATED, PROGRESS_REPORTED, PROGRESS_CORRECTED,
            ASSISTANCE_REPORTED, ASSISTANCE_CORRECTED, EMPLOYMENT_REPORTED, EMPLOYMENT_CORRECTED, CASE_RECEIVED,
            CASE_ACCEPTED, CASE_RESOLVED, CASE_FEEDBACK, CASE_SENT_BACK, CASE_ESCALATED);
    static final String[] CASE_TYPES = {CASE_RECEIVED, CASE_ACCEPTED, CASE_RESOLVED, CASE_FEEDBACK, CASE_SENT_BACK,
            CASE_ESCALATED};

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
                case CASE_RECEIVED -> received = f;
                case CASE_ACCEPTED -> accepted = f;
                case CASE_RESOLVED -> resolved = f;
                case CASE_FEEDBACK -> feedback = f;
                // Sent back for rework (发回重办): the earlier resolution no longer stands until the case is
                // resolved again, but the caller's verdict does until new feedback replaces it, so sending a
                // case back never improves satisfaction.
                case CASE_SENT_BACK -> resolved = null;
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
                if (Window.isOver(month(f.data(), "month"), cutoff)) {
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
