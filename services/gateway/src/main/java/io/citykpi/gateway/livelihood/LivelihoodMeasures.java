package io.citykpi.gateway.livelihood;

import static io.citykpi.gateway.facts.Payload.bool;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.integer;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.object;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.facts.Payload.timestamp;
import static io.citykpi.gateway.kpi.Facts.add;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.kpi.Contribution;
import io.citykpi.gateway.kpi.DomainMeasures;
import io.citykpi.gateway.kpi.Facts;
import io.citykpi.gateway.kpi.Window;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KPIs of livelihood programmes, social assistance, employment and the 12345 hotline. Monthly
 * figures are replaced by their corrections; hotline rates follow the cases received in the period
 * (a cohort), each case read in its state on the cut-off.
 */
@ApplicationScoped
public class LivelihoodMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/livelihood";
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

    @Override
    public String domain() {
        return "livelihood";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> types() {
        return Set.of(PROGRAMME_CREATED, PROGRESS_REPORTED, PROGRESS_CORRECTED, ASSISTANCE_REPORTED,
                ASSISTANCE_CORRECTED, EMPLOYMENT_REPORTED, EMPLOYMENT_CORRECTED, CASE_RECEIVED, CASE_ACCEPTED,
                CASE_RESOLVED, CASE_FEEDBACK, CASE_SENT_BACK, CASE_ESCALATED);
    }

    @Override
    public void check(Fact fact) {
        var data = fact.data();
        switch (fact.type()) {
            case PROGRAMME_CREATED -> {
                text(data, "name");
                integer(data, "year");
                decimal(data, "plannedQuantity");
            }
            case PROGRESS_REPORTED, PROGRESS_CORRECTED -> {
                text(data, "category");
                text(data, "unit");
                month(data, "month");
                decimal(data, "quantity");
                decimal(data, "plannedQuantity");
            }
            case ASSISTANCE_REPORTED, ASSISTANCE_CORRECTED -> {
                month(data, "month");
                decimal(data, "amount");
                integer(data, "beneficiaryTimes");
            }
            case EMPLOYMENT_REPORTED, EMPLOYMENT_CORRECTED -> {
                month(data, "month");
                integer(object(data, "figures"), "newUrbanJobs");
            }
            case CASE_RECEIVED -> {
                timestamp(data, "responseDueAt");
                timestamp(data, "dueAt");
            }
            case CASE_ACCEPTED -> bool(data, "onTime");
            case CASE_RESOLVED -> {
                bool(data, "solved");
                bool(data, "onTime");
            }
            case CASE_FEEDBACK -> {
                bool(data, "satisfied");
                bool(data, "valid");
            }
            default -> {
            }
        }
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        programmes(facts, window, out);
        monthlyFigures(facts, window, out);
        hotline(facts, window, out);
        return out;
    }

    private static void programmes(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        Map<String, Fact> progress = Facts.latestRecorded(Facts.ofTypes(facts, PROGRESS_REPORTED, PROGRESS_CORRECTED),
                f -> f.subject() + "|" + f.data().get("month").asText());
        Map<String, List<Fact>> progressByProgramme = new HashMap<>();
        for (Fact f : progress.values()) {
            progressByProgramme.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f);
            if ("OLD_ESTATE_RENOVATION".equals(text(f.data(), "category"))
                    && "SQUARE_METRES".equals(text(f.data(), "unit"))
                    && window.coversMonth(month(f.data(), "month"))) {
                add(out, "livelihood.old-estate-renovation-area", Contribution.amount(f.orgUnit(),
                        decimal(f.data(), "quantity"), programme(f), List.of(f)));
            }
        }
        for (Fact created : Facts.ofTypes(facts, PROGRAMME_CREATED)) {
            if (integer(created.data(), "year") != window.year() || !created.effectiveBy(window.cutoff())) {
                continue;
            }
            List<Fact> evidence = new ArrayList<>(List.of(created));
            BigDecimal planned = decimal(created.data(), "plannedQuantity");
            BigDecimal done = BigDecimal.ZERO;
            for (Fact f : progressByProgramme.getOrDefault(created.subject(), List.of())) {
                if (!month(f.data(), "month").atEndOfMonth().isAfter(window.cutoff())) {
                    done = done.add(decimal(f.data(), "quantity"));
                    planned = decimal(f.data(), "plannedQuantity");
                    evidence.add(f);
                }
            }
            boolean complete = planned.signum() > 0 && done.compareTo(planned) >= 0;
            add(out, "livelihood.programme-completion-rate",
                    Contribution.hit(created.orgUnit(), complete, programme(created), evidence));
        }
    }

    private static Contribution.Record programme(Fact f) {
        return new Contribution.Record("programme", f.subject(), text(f.data(), "code"), SOURCE,
                "/api/v1/programmes/" + f.subject());
    }

    private static void monthlyFigures(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        for (Fact f : Facts.latestRecorded(Facts.ofTypes(facts, ASSISTANCE_REPORTED, ASSISTANCE_CORRECTED),
                Fact::subject).values()) {
            YearMonth month = month(f.data(), "month");
            if (window.coversMonth(month)) {
                Contribution.Record record = new Contribution.Record("assistance", f.subject(), f.subject(), SOURCE,
                        "/api/v1/assistance/" + f.subject());
                add(out, "livelihood.assistance-amount",
                        Contribution.amount(f.orgUnit(), decimal(f.data(), "amount"), record, List.of(f)));
                add(out, "livelihood.assistance-beneficiaries", Contribution.amount(f.orgUnit(),
                        BigDecimal.valueOf(integer(f.data(), "beneficiaryTimes")), record, List.of(f)));
            }
        }
        for (Fact f : Facts.latestRecorded(Facts.ofTypes(facts, EMPLOYMENT_REPORTED, EMPLOYMENT_CORRECTED),
                Fact::subject).values()) {
            if (window.coversMonth(month(f.data(), "month"))) {
                Contribution.Record record = new Contribution.Record("employment", f.subject(), f.subject(), SOURCE,
                        "/api/v1/employment/" + f.subject());
                add(out, "livelihood.new-urban-jobs", Contribution.amount(f.orgUnit(),
                        BigDecimal.valueOf(integer(f.data().get("figures"), "newUrbanJobs")), record, List.of(f)));
            }
        }
    }

    private static void hotline(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        var endOfCutoff = window.cutoff().plusDays(1).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        for (List<Fact> history : Facts.histories(Facts.ofTypes(facts, CASE_RECEIVED, CASE_ACCEPTED, CASE_RESOLVED,
                CASE_FEEDBACK, CASE_SENT_BACK, CASE_ESCALATED)).values()) {
            Fact received = null;
            Fact accepted = null;
            Fact resolved = null;
            Fact feedback = null;
            List<Fact> seen = new ArrayList<>();
            for (Fact f : history) {
                if (!f.effectiveBy(window.cutoff())) {
                    break;
                }
                switch (f.type()) {
                    case CASE_RECEIVED -> received = f;
                    case CASE_ACCEPTED -> accepted = f;
                    case CASE_RESOLVED -> {
                        resolved = f;
                        feedback = null;
                    }
                    case CASE_FEEDBACK -> feedback = f;
                    // Sent back for rework: the earlier answer no longer stands until it is resolved again.
                    case CASE_SENT_BACK -> {
                        resolved = null;
                        feedback = null;
                    }
                    default -> {
                    }
                }
                seen.add(f);
            }
            if (received == null || !window.covers(received.effectiveDate())) {
                continue;
            }
            String orgUnit = received.orgUnit();
            Contribution.Record record = new Contribution.Record("hotline-case", received.subject(),
                    received.subject(), SOURCE, "/api/v1/hotline-cases/" + received.subject());
            boolean responseDue = timestamp(received.data(), "responseDueAt").isBefore(endOfCutoff);
            if (accepted != null || responseDue) {
                add(out, "livelihood.hotline-response-rate", Contribution.hit(orgUnit,
                        accepted != null && bool(accepted.data(), "onTime"), record, seen));
            }
            if (resolved != null) {
                add(out, "livelihood.hotline-resolution-rate",
                        Contribution.hit(orgUnit, bool(resolved.data(), "solved"), record, seen));
            }
            boolean due = timestamp(received.data(), "dueAt").isBefore(endOfCutoff);
            if (resolved != null || due) {
                add(out, "livelihood.hotline-on-time-rate", Contribution.hit(orgUnit,
                        resolved != null && bool(resolved.data(), "onTime"), record, seen));
            }
            if (feedback != null && bool(feedback.data(), "valid")) {
                add(out, "livelihood.hotline-satisfaction-rate",
                        Contribution.hit(orgUnit, bool(feedback.data(), "satisfied"), record, seen));
            }
        }
    }
}
