package io.citykpi.gateway.investment;

import io.citykpi.shared.contract.investment.DealEvents;
import io.citykpi.shared.contract.investment.FaiEvents;
import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.optionalDecimal;
import static io.citykpi.gateway.investment.DealReplay.HUNDRED_MILLION;
import static io.citykpi.gateway.reference.DomainMeasures.add;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.FactLists;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.reference.DomainMeasures;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KPIs of investment attraction (deals, contract amounts, funds arrived) and fixed-asset investment,
 * by replay. A deal's amount is the latest amendment in force on the cut-off; a month's FAI is its
 * latest report.
 */
@ApplicationScoped
public class InvestmentMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/investment";

    @Override
    public String domain() {
        return "investment";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        deals(facts, window, out);
        fixedAssetInvestment(facts, window, out);
        return out;
    }

    private static void deals(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        for (List<Fact> history : FactLists.histories(FactLists.ofTypes(facts, DealEvents.SIGNED, DealEvents.STATUS_CHANGED,
                DealEvents.FUNDS_ARRIVED, DealEvents.CONTRACT_AMENDED)).values()) {
            DealReplay.Deal deal = new DealReplay.Deal();
            for (Fact f : history) {
                if (!f.effectiveBy(window.cutoff())) {
                    break;
                }
                deal.apply(f);
            }
            if (deal.signed == null) {
                continue;
            }
            Fact signed = deal.signed;
            String orgUnit = signed.orgUnit();
            Contribution.Record record = record(signed.subject(), deal.name());
            List<Fact> seen = List.copyOf(deal.seen);
            if (window.covers(signed.effectiveDate())) {
                add(out, "investment.deals-signed", Contribution.count(orgUnit, record, seen));
                add(out, "investment.deals-signed-amount", Contribution.amount(orgUnit, deal.amount, record, seen));
                if (deal.amount.compareTo(HUNDRED_MILLION) >= 0) {
                    add(out, "investment.deals-over-100m", Contribution.count(orgUnit, record, seen));
                }
            }
            List<Fact> arrivalsInWindow = deal.arrivals.stream().filter(f -> window.covers(f.effectiveDate())).toList();
            if (!arrivalsInWindow.isEmpty()) {
                BigDecimal arrived = arrivalsInWindow.stream().map(f -> decimal(f.data(), "amount"))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                add(out, "investment.funds-arrived", Contribution.amount(orgUnit, arrived, record, arrivalsInWindow));
            }
            // Arrival rate: the deals signed this year up to the cut-off and still alive, arrivals against contract.
            boolean signedThisYear = signed.effectiveDate().getYear() == window.year();
            if (signedThisYear && !deal.terminated()) {
                add(out, "investment.funds-arrival-rate",
                        Contribution.ratio(orgUnit, deal.arrived, deal.amount, record, seen));
            }
        }
    }

    private static void fixedAssetInvestment(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        Map<String, Fact> latest = FactLists.latestRecorded(FactLists.ofTypes(facts, FaiEvents.REPORTED, FaiEvents.CORRECTED),
                f -> f.orgUnit() + "|" + f.data().get("month").asText());
        for (Fact f : latest.values()) {
            YearMonth month = month(f.data(), "month");
            if (!window.coversMonth(month)) {
                continue;
            }
            BigDecimal amount = decimal(f.data(), "amount");
            Contribution.Record record = faiRecord(f.orgUnit(), month);
            add(out, "investment.fixed-asset-investment", Contribution.amount(f.orgUnit(), amount, record, List.of(f)));

            // Growth compares with the same month a year earlier: our own report of it, else the figure the report quotes.
            Fact lastYearReport = latest.get(f.orgUnit() + "|" + month.minusYears(1));
            BigDecimal lastYear = lastYearReport != null ? decimal(lastYearReport.data(), "amount")
                    : optionalDecimal(f.data(), "sameMonthLastYear");
            if (lastYear != null) {
                List<Fact> evidence = lastYearReport != null ? List.of(f, lastYearReport) : List.of(f);
                add(out, "investment.fixed-asset-investment-growth",
                        Contribution.ratio(f.orgUnit(), amount, lastYear, record, evidence));
            }
        }
    }

    static Contribution.Record record(String dealId, String name) {
        return new Contribution.Record("deal", dealId, name, SOURCE, "/api/v1/deals/" + dealId);
    }

    static Contribution.Record faiRecord(String orgUnit, YearMonth month) {
        return new Contribution.Record("fixed-asset-investment", orgUnit + "/" + month, orgUnit + " " + month, SOURCE,
                "/api/v1/fixed-asset-investment/" + orgUnit + "/" + month);
    }
}
