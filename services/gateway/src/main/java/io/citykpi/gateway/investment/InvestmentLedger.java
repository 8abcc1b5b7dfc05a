package io.citykpi.gateway.investment;

import io.citykpi.shared.contract.investment.DealEvents;
import io.citykpi.shared.contract.investment.FaiEvents;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.optionalDecimal;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.investment.DealReplay.HUNDRED_MILLION;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.ledger.LedgerEntry;
import io.citykpi.gateway.ledger.LedgerRow;
import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ledger rows of one deal (replayed: its amount and status change over time; every arrival is a flow)
 * and of one unit's fixed-asset investment series (each month's latest report, and its growth against
 * the same month a year earlier, which is why a unit's months are replayed together).
 */
@ApplicationScoped
public class InvestmentLedger implements LedgerRules {

    @Override
    public String source() {
        return InvestmentMeasures.SOURCE;
    }

    @Override
    public Set<String> types() {
        return DealReplay.TYPES;
    }

    @Override
    public void check(Fact fact) {
        switch (fact.type()) {
            case DealEvents.SIGNED -> {
                text(fact.data(), "name");
                decimal(fact.data(), "contractAmount");
            }
            case DealEvents.STATUS_CHANGED -> text(fact.data(), "toStatus");
            case DealEvents.FUNDS_ARRIVED -> decimal(fact.data(), "amount");
            case DealEvents.CONTRACT_AMENDED -> decimal(fact.data(), "newAmount");
            case FaiEvents.REPORTED, FaiEvents.CORRECTED -> {
                month(fact.data(), "month");
                decimal(fact.data(), "amount");
                optionalDecimal(fact.data(), "sameMonthLastYear");
            }
            default -> {
            }
        }
    }

    @Override
    public String replayKey(Fact fact) {
        return isFai(fact) ? "fixed-asset-investment:" + fact.orgUnit() : "deal:" + fact.subject();
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of("deal", "fixed-asset-investment");
    }

    @Override
    public String path(String recordKind, String recordId) {
        if ("fixed-asset-investment".equals(recordKind)) {
            // Record id "<orgUnit>/<yyyy-MM>": the unit's year, month by month, is what can be read.
            int slash = recordId.indexOf('/');
            return "/api/v1/fixed-asset-investment/" + recordId.substring(0, slash) + "?year="
                    + recordId.substring(slash + 1, slash + 5);
        }
        return "/api/v1/deals/" + recordId;
    }

    @Override
    public List<LedgerRow> rows(List<Fact> facts) {
        return facts.stream().anyMatch(InvestmentLedger::isFai) ? faiRows(facts) : dealRows(facts);
    }

    private static boolean isFai(Fact fact) {
        return FaiEvents.REPORTED.equals(fact.type()) || FaiEvents.CORRECTED.equals(fact.type());
    }

    private static List<LedgerRow> dealRows(List<Fact> facts) {
        List<Fact> history = FactLists.history(facts, DealEvents.SIGNED, DealEvents.STATUS_CHANGED, DealEvents.FUNDS_ARRIVED, DealEvents.CONTRACT_AMENDED);
        Timeline timeline = new Timeline();
        DealReplay.Deal deal = new DealReplay.Deal();
        int i = 0;
        while (i < history.size()) {
            LocalDate day = history.get(i).effectiveDate();
            while (i < history.size() && history.get(i).effectiveDate().equals(day)) {
                deal.apply(history.get(i++));
            }
            LocalDate next = i < history.size() ? history.get(i).effectiveDate() : null;
            if (deal.signed != null) {
                timeline.addAll(dealEntries(deal), day, next);
            }
        }
        return timeline.rows();
    }

    private static List<LedgerEntry> dealEntries(DealReplay.Deal deal) {
        Fact signed = deal.signed;
        Map<String, String> attributes = new HashMap<>();
        putIfText(attributes, "investorOrigin", signed, "investorOrigin");
        putIfText(attributes, "sector", signed, "sector");
        LedgerEntry.Subject subject = new LedgerEntry.Subject("deal", signed.subject(), deal.name(), attributes);
        String orgUnit = signed.orgUnit();
        List<Fact> seen = List.copyOf(deal.seen);
        LocalDate signedOn = signed.effectiveDate();
        List<LedgerEntry> out = new ArrayList<>();
        out.add(subject.entry("investment.deals-signed", orgUnit).count().occurredOn(signedOn).evidence(seen).build());
        out.add(subject.entry("investment.deals-signed-amount", orgUnit).amount(deal.amount).occurredOn(signedOn)
                .evidence(seen).build());
        if (deal.amount.compareTo(HUNDRED_MILLION) >= 0) {
            out.add(subject.entry("investment.deals-over-100m", orgUnit).count().occurredOn(signedOn).evidence(seen)
                    .build());
        }
        List<LedgerEntry> arrivals = new ArrayList<>();
        for (Fact arrival : deal.arrivals) {
            arrivals.add(subject.entry("investment.funds-arrived", orgUnit).amount(decimal(arrival.data(), "amount"))
                    .occurredOn(arrival.effectiveDate()).evidence(arrival).build());
        }
        out.addAll(Timeline.firstOfEachPeriod(arrivals));
        if (!deal.terminated()) {
            out.add(subject.entry("investment.funds-arrival-rate", orgUnit).ratio(deal.arrived, deal.amount)
                    .scopeYear(signedOn.getYear()).evidence(seen).build());
        }
        return out;
    }

    private static List<LedgerRow> faiRows(List<Fact> facts) {
        Map<YearMonth, Fact> latest = new TreeMap<>(FactLists.latestRecorded(
                FactLists.ofTypes(facts, FaiEvents.REPORTED, FaiEvents.CORRECTED), f -> month(f.data(), "month")));
        Timeline timeline = new Timeline();
        latest.forEach((month, f) -> {
            LedgerEntry.Subject subject = new LedgerEntry.Subject("fixed-asset-investment", f.orgUnit() + "/" + month,
                    f.orgUnit() + " " + month);
            BigDecimal amount = decimal(f.data(), "amount");
            LocalDate monthEnd = month.atEndOfMonth();
            timeline.always(subject.entry("investment.fixed-asset-investment", f.orgUnit()).amount(amount)
                    .occurredOn(monthEnd).evidence(f).build());
            Fact lastYearReport = latest.get(month.minusYears(1));
            BigDecimal lastYear = lastYearReport != null ? decimal(lastYearReport.data(), "amount")
                    : optionalDecimal(f.data(), "sameMonthLastYear");
            if (lastYear != null) {
                timeline.always(subject.entry("investment.fixed-asset-investment-growth", f.orgUnit())
                        .ratio(amount, lastYear).occurredOn(monthEnd)
                        .evidence(lastYearReport != null ? List.of(f, lastYearReport) : List.of(f)).build());
            }
        });
        return timeline.rows();
    }

    private static void putIfText(Map<String, String> attributes, String name, Fact fact, String field) {
        if (fact.data().path(field).isTextual()) {
            attributes.put(name, fact.data().get(field).asText());
        }
    }
}
