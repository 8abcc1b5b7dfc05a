package io.citykpi.gateway.livelihood;

import io.citykpi.shared.contract.livelihood.HotlineEvents;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import static io.citykpi.gateway.facts.Payload.bool;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.integer;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.object;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.facts.Payload.timestamp;
import static io.citykpi.gateway.livelihood.LivelihoodReplay.CASE_TYPES;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.ledger.LedgerEntry;
import io.citykpi.gateway.ledger.LedgerRow;
import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.Timeline;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ledger rows of livelihood records: a programme (its monthly progress, and whether it is complete on
 * each cut-off), a monthly assistance or employment report, and a 12345 case, whose rates follow the
 * case from the day it was received (the cohort) through acceptance, resolution, rework and feedback.
 */
@ApplicationScoped
public class LivelihoodLedger implements LedgerRules {

    @Override
    public String source() {
        return LivelihoodMeasures.SOURCE;
    }

    @Override
    public Set<String> types() {
        return LivelihoodReplay.TYPES;
    }

    @Override
    public void check(Fact fact) {
        var data = fact.data();
        switch (fact.type()) {
            case LivelihoodEvents.PROGRAMME_CREATED -> {
                text(data, "name");
                text(data, "code");
                integer(data, "year");
                decimal(data, "plannedQuantity");
            }
            case LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.PROGRESS_CORRECTED -> {
                text(data, "code");
                text(data, "category");
                text(data, "unit");
                month(data, "month");
                decimal(data, "quantity");
                decimal(data, "plannedQuantity");
            }
            case LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED -> {
                month(data, "month");
                decimal(data, "amount");
                integer(data, "beneficiaryTimes");
            }
            case LivelihoodEvents.EMPLOYMENT_REPORTED, LivelihoodEvents.EMPLOYMENT_CORRECTED -> {
                month(data, "month");
                integer(object(data, "figures"), "newUrbanJobs");
            }
            case HotlineEvents.RECEIVED -> {
                timestamp(data, "responseDueAt");
                timestamp(data, "dueAt");
            }
            case HotlineEvents.ACCEPTED -> bool(data, "onTime");
            case HotlineEvents.RESOLVED -> {
                bool(data, "solved");
                bool(data, "onTime");
            }
            case HotlineEvents.FEEDBACK -> {
                bool(data, "satisfied");
                bool(data, "valid");
            }
            default -> {
            }
        }
    }

    @Override
    public String replayKey(Fact fact) {
        return kind(fact) + ":" + fact.subject();
    }

    private static String kind(Fact fact) {
        return switch (fact.type()) {
            case LivelihoodEvents.PROGRAMME_CREATED, LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.PROGRESS_CORRECTED -> "programme";
            case LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.ASSISTANCE_CORRECTED -> "assistance";
            case LivelihoodEvents.EMPLOYMENT_REPORTED, LivelihoodEvents.EMPLOYMENT_CORRECTED -> "employment";
            default -> "hotline-case";
        };
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of("programme", "assistance", "employment", "hotline-case");
    }

    @Override
    public String path(String recordKind, String recordId) {
        return switch (recordKind) {
            case "programme" -> "/api/v1/programmes/" + recordId;
            case "hotline-case" -> "/api/v1/hotline-cases/" + recordId;
            // Monthly reports "<orgUnit>/<yyyy-MM>[/<category>]": the unit's year is what can be read.
            default -> "/api/v1/" + recordKind + "/" + recordId.substring(0, recordId.indexOf('/')) + "?year="
                    + recordId.substring(recordId.indexOf('/') + 1, recordId.indexOf('/') + 5);
        };
    }

    @Override
    public List<LedgerRow> rows(List<Fact> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        return switch (kind(facts.get(0))) {
            case "programme" -> programmeRows(facts);
            case "assistance" -> assistanceRows(facts);
            case "employment" -> employmentRows(facts);
            default -> caseRows(facts);
        };
    }

    private static List<LedgerRow> programmeRows(List<Fact> facts) {
        Timeline timeline = new Timeline();
        List<Fact> progress = new ArrayList<>(new TreeMap<>(FactLists.latestRecorded(
                FactLists.ofTypes(facts, LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.PROGRESS_CORRECTED), f -> month(f.data(), "month"))).values());
        for (Fact f : progress) {
            if (LivelihoodMeasures.isOldEstateArea(f)) {
                timeline.always(programme(f).entry("livelihood.old-estate-renovation-area", f.orgUnit())
                        .amount(decimal(f.data(), "quantity")).occurredOn(month(f.data(), "month").atEndOfMonth())
                        .evidence(f).build());
            }
        }
        for (Fact created : FactLists.ofTypes(facts, LivelihoodEvents.PROGRAMME_CREATED)) {
            // Completion changes when the cut-off passes the end of a reported month.
            TreeSet<LocalDate> changes = new TreeSet<>();
            changes.add(created.effectiveDate());
            progress.forEach(f -> {
                LocalDate monthEnd = month(f.data(), "month").atEndOfMonth();
                if (monthEnd.isAfter(created.effectiveDate())) {
                    changes.add(monthEnd);
                }
            });
            for (LocalDate from : changes) {
                LivelihoodReplay.Completion completion = LivelihoodReplay.Completion.on(created, progress, from);
                timeline.add(programme(created).entry("livelihood.programme-completion-rate", created.orgUnit())
                        .hit(completion.complete()).scopeYear(integer(created.data(), "year"))
                        .evidence(completion.evidence()).build(), from, changes.higher(from));
            }
        }
        return timeline.rows();
    }

    private static LedgerEntry.Subject programme(Fact f) {
        return new LedgerEntry.Subject("programme", f.subject(), text(f.data(), "code"),
                Map.of("category", text(f.data(), "category")));
    }

    private static List<LedgerRow> assistanceRows(List<Fact> facts) {
        Timeline timeline = new Timeline();
        Fact f = FactLists.latestRecorded(facts, Fact::subject).values().iterator().next();
        LedgerEntry.Subject subject = new LedgerEntry.Subject("assistance", f.subject(), f.subject(),
                Map.of("category", f.data().path("category").asText("")));
        LocalDate monthEnd = month(f.data(), "month").atEndOfMonth();
        timeline.always(subject.entry("livelihood.assistance-amount", f.orgUnit()).amount(decimal(f.data(), "amount"))
                .occurredOn(monthEnd).evidence(f).build());
        timeline.always(subject.entry("livelihood.assistance-beneficiaries", f.orgUnit())
                .amount(BigDecimal.valueOf(integer(f.data(), "beneficiaryTimes"))).occurredOn(monthEnd).evidence(f).build());
        return timeline.rows();
    }

    private static List<LedgerRow> employmentRows(List<Fact> facts) {
        Timeline timeline = new Timeline();
        Fact f = FactLists.latestRecorded(facts, Fact::subject).values().iterator().next();
        timeline.always(new LedgerEntry.Subject("employment", f.subject(), f.subject())
                .entry("livelihood.new-urban-jobs", f.orgUnit())
                .amount(BigDecimal.valueOf(integer(f.data().get("figures"), "newUrbanJobs")))
                .occurredOn(month(f.data(), "month").atEndOfMonth()).evidence(f).build());
        return timeline.rows();
    }

    private static List<LedgerRow> caseRows(List<Fact> facts) {
        List<Fact> history = FactLists.history(facts, CASE_TYPES);
        Timeline timeline = new Timeline();
        LivelihoodReplay.HotlineCase c = new LivelihoodReplay.HotlineCase();
        int i = 0;
        while (i < history.size()) {
            LocalDate day = history.get(i).effectiveDate();
            while (i < history.size() && history.get(i).effectiveDate().equals(day)) {
                c.apply(history.get(i++));
            }
            LocalDate next = i < history.size() ? history.get(i).effectiveDate() : null;
            Fact received = c.received;
            if (received == null) {
                continue;
            }
            LedgerEntry.Subject subject = new LedgerEntry.Subject("hotline-case", received.subject(), received.subject(),
                    Map.of("caseType", received.data().path("type").asText("")));
            String orgUnit = received.orgUnit();
            LocalDate cohort = received.effectiveDate();
            // Counted for the response rate once accepted, or once the response was due (a day's end passed).
            if (c.accepted != null) {
                timeline.add(subject.entry("livelihood.hotline-response-rate", orgUnit)
                        .hit(bool(c.accepted.data(), "onTime")).occurredOn(cohort).evidence(received, c.accepted)
                        .build(), day, next);
            } else {
                timeline.add(subject.entry("livelihood.hotline-response-rate", orgUnit).hit(false).occurredOn(cohort)
                        .evidence(received).build(), later(day, dueDay(received, "responseDueAt")), next);
            }
            if (c.resolved != null) {
                timeline.add(subject.entry("livelihood.hotline-resolution-rate", orgUnit)
                        .hit(bool(c.resolved.data(), "solved")).occurredOn(cohort).evidence(received, c.resolved)
                        .build(), day, next);
                timeline.add(subject.entry("livelihood.hotline-on-time-rate", orgUnit)
                        .hit(bool(c.resolved.data(), "onTime")).occurredOn(cohort).evidence(received, c.resolved)
                        .build(), day, next);
            } else {
                timeline.add(subject.entry("livelihood.hotline-on-time-rate", orgUnit).hit(false).occurredOn(cohort)
                        .evidence(received).build(), later(day, dueDay(received, "dueAt")), next);
            }
            if (c.feedback != null && bool(c.feedback.data(), "valid")) {
                timeline.add(subject.entry("livelihood.hotline-satisfaction-rate", orgUnit)
                        .hit(bool(c.feedback.data(), "satisfied")).occurredOn(cohort).evidence(received, c.feedback)
                        .build(), day, next);
            }
        }
        return timeline.rows();
    }

    /** The business day (Asia/Shanghai) a due moment falls on: the case counts as due from that cut-off on. */
    private static LocalDate dueDay(Fact received, String field) {
        OffsetDateTime due = timestamp(received.data(), field);
        return due.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
