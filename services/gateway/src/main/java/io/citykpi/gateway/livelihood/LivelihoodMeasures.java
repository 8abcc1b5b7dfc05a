package io.citykpi.gateway.livelihood;

import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.contract.livelihood.ProgrammeCategory;
import io.citykpi.shared.contract.livelihood.QuantityUnit;
import static io.citykpi.gateway.facts.Payload.bool;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.integer;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.facts.Payload.timestamp;
import static io.citykpi.gateway.livelihood.LivelihoodReplay.CASE_TYPES;
import static io.citykpi.gateway.reference.DomainMeasures.add;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.reference.DomainMeasures;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KPIs of livelihood programmes, social assistance, employment and the 12345 hotline, by replay.
 * Monthly figures are replaced by their corrections; hotline rates follow the cases received in the
 * period (a cohort), each case read in its state on the cut-off.
 */
@ApplicationScoped
public class LivelihoodMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/livelihood";

    @Override
    public String domain() {
        return "livelihood";
    }

    @Override
    public String source() {
        return SOURCE;
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
        Map<String, Fact> progress = FactLists.latestRecorded(FactLists.ofTypes(facts, LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.PROGRESS_CORRECTED),
                f -> f.subject() + "|" + f.data().get("month").asText());
        Map<String, List<Fact>> progressByProgramme = new HashMap<>();
        for (Fact f : progress.values()) {
            progressByProgramme.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f);
            if (isOldEstateArea(f) && window.coversMonth(month(f.data(), "month"))) {
                add(out, "livelihood.old-estate-renovation-area", Contribution.amount(f.orgUnit(),
                        decimal(f.data(), "quantity"), programme(f), List.of(f)));
            }
        }
        for (Fact created : FactLists.ofTypes(facts, LivelihoodEvents.PROGRAMME_CREATED)) {
            if (integer(created.data(), "year") != window.year() || !created.effectiveBy(window.cutoff())) {
                continue;
            }
            LivelihoodReplay.Completion completion = LivelihoodReplay.Completion.on(created,
                    progressByProgramme.getOrDefault(created.subject(), List.of()), window.cutoff());
            add(out, "livelihood.programme-completion-rate",
                    Contribution.hit(created.orgUnit(), completion.complete(), programme(created), completion.evidence()));
        }
    }

    static boolean isOldEstateArea(Fact progress) {
        LivelihoodEvents.ProgrammeProgressReported report = progress.payload(LivelihoodEvents.ProgrammeProgressReported.class);
        return report.category() == ProgrammeCategory.OLD_ESTATE_RENOVATION && report.unit() == QuantityUnit.SQUARE_METRES;
    }

    static Contribution.Record programme(Fact f) {
        return new Contribution.Record("programme", f.subject(), text(f.data(), "code"), SOURCE,
                "/api/v1/programmes/" + f.subject());
    }

    private static void monthlyFigures(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        for (Fact f : FactLists.latestRecorded(FactLists.ofTypes(facts, LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED),
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
        for (Fact f : FactLists.latestRecorded(FactLists.ofTypes(facts, LivelihoodEvents.EMPLOYMENT_REPORTED, LivelihoodEvents.EMPLOYMENT_CORRECTED),
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
        for (List<Fact> history : FactLists.histories(FactLists.ofTypes(facts, CASE_TYPES)).values()) {
            LivelihoodReplay.HotlineCase c = new LivelihoodReplay.HotlineCase();
            for (Fact f : history) {
                if (!f.effectiveBy(window.cutoff())) {
                    break;
                }
                c.apply(f);
            }
            Fact received = c.received;
            if (received == null || !window.covers(received.effectiveDate())) {
                continue;
            }
            String orgUnit = received.orgUnit();
            Contribution.Record record = new Contribution.Record("hotline-case", received.subject(),
                    received.subject(), SOURCE, "/api/v1/hotline-cases/" + received.subject());
            List<Fact> seen = List.copyOf(c.seen);
            boolean responseDue = timestamp(received.data(), "responseDueAt").isBefore(endOfCutoff);
            if (c.accepted != null || responseDue) {
                add(out, "livelihood.hotline-response-rate", Contribution.hit(orgUnit,
                        c.accepted != null && bool(c.accepted.data(), "onTime"), record, seen));
            }
            if (c.resolved != null) {
                add(out, "livelihood.hotline-resolution-rate",
                        Contribution.hit(orgUnit, bool(c.resolved.data(), "solved"), record, seen));
            }
            boolean due = timestamp(received.data(), "dueAt").isBefore(endOfCutoff);
            if (c.resolved != null || due) {
                add(out, "livelihood.hotline-on-time-rate", Contribution.hit(orgUnit,
                        c.resolved != null && bool(c.resolved.data(), "onTime"), record, seen));
            }
            if (c.feedback != null && bool(c.feedback.data(), "valid")) {
                add(out, "livelihood.hotline-satisfaction-rate",
                        Contribution.hit(orgUnit, bool(c.feedback.data(), "satisfied"), record, seen));
            }
        }
    }
}
