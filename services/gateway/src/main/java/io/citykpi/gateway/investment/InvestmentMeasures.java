package io.citykpi.gateway.investment;

import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.month;
import static io.citykpi.gateway.facts.Payload.optionalDecimal;
import static io.citykpi.gateway.facts.Payload.text;
import static io.citykpi.gateway.kpi.Facts.add;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.kpi.Contribution;
import io.citykpi.gateway.kpi.DomainMeasures;
import io.citykpi.gateway.kpi.Facts;
import io.citykpi.gateway.kpi.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KPIs of investment attraction (deals, contract amounts, funds arrived) and fixed-asset investment.
 * A deal's amount is the latest amendment in force on the cut-off; a month's FAI is its latest report.
 */
@ApplicationScoped
public class InvestmentMeasures implements DomainMeasures {

    public static final String SOURCE = "/citykpi/investment";
    static final String DEAL_SIGNED = "citykpi.investment.deal-signed.v1";
    static final String DEAL_STATUS_CHANGED = "citykpi.investment.deal-status-changed.v1";
    static final String FUNDS_ARRIVED = "citykpi.investment.funds-arrived.v1";
    static final String CONTRACT_AMENDED = "citykpi.investment.contract-amended.v1";
    static final String FAI_REPORTED = "citykpi.investment.fixed-asset-investment-reported.v1";
    static final String FAI_CORRECTED = "citykpi.investment.fixed-asset-investment-corrected.v1";

    /** 1亿元 in 万元: the threshold of a deal "over 100 million". */
    static final BigDecimal HUNDRED_MILLION = new BigDecimal("10000");

    @Override
    public String domain() {
        return "investment";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> types() {
        return Set.of(DEAL_SIGNED, DEAL_STATUS_CHANGED, FUNDS_ARRIVED, CONTRACT_AMENDED, FAI_REPORTED, FAI_CORRECTED);
    }

    @Override
    public void check(Fact fact) {
        switch (fact.type()) {
            case DEAL_SIGNED -> {
                text(fact.data(), "name");
                decimal(fact.data(), "contractAmount");
            }
            case DEAL_STATUS_CHANGED -> text(fact.data(), "toStatus");
            case FUNDS_ARRIVED -> decimal(fact.data(), "amount");
            case CONTRACT_AMENDED -> decimal(fact.data(), "newAmount");
            case FAI_REPORTED, FAI_CORRECTED -> {
                month(fact.data(), "month");
                decimal(fact.data(), "amount");
                optionalDecimal(fact.data(), "sameMonthLastYear");
            }
            default -> {
            }
        }
    }

    @Override
    public Map<String, List<Contribution>> compute(List<Fact> facts, Window window) {
        Map<String, List<Contribution>> out = new HashMap<>();
        deals(facts, window, out);
        fixedAssetInvestment(facts, window, out);
        return out;
    }

    private static void deals(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        for (List<Fact> history : Facts.histories(Facts.ofTypes(facts, DEAL_SIGNED, DEAL_STATUS_CHANGED,
                FUNDS_ARRIVED, CONTRACT_AMENDED)).values()) {
            Fact signed = null;
            BigDecimal amount = null;
            String status = null;
            BigDecimal arrivedToCutoff = BigDecimal.ZERO;
            List<Fact> arrivalsInWindow = new ArrayList<>();
            List<Fact> seen = new ArrayList<>();
            for (Fact f : history) {
                if (!f.effectiveBy(window.cutoff())) {
                    break;
                }
                switch (f.type()) {
                    case DEAL_SIGNED -> {
                        signed = f;
                        amount = decimal(f.data(), "contractAmount");
                        status = "SIGNED";
                    }
                    case CONTRACT_AMENDED -> amount = decimal(f.data(), "newAmount");
                    case DEAL_STATUS_CHANGED -> status = text(f.data(), "toStatus");
                    case FUNDS_ARRIVED -> {
                        arrivedToCutoff = arrivedToCutoff.add(decimal(f.data(), "amount"));
                        if (window.covers(f.effectiveDate())) {
                            arrivalsInWindow.add(f);
                        }
                    }
                    default -> {
                    }
                }
                seen.add(f);
            }
            if (signed == null) {
                continue;
            }
            String orgUnit = signed.orgUnit();
            Contribution.Record record = new Contribution.Record("deal", signed.subject(),
                    text(signed.data(), "name"), SOURCE, "/api/v1/deals/" + signed.subject());
            if (window.covers(signed.effectiveDate())) {
                add(out, "investment.deals-signed", Contribution.count(orgUnit, record, seen));
                add(out, "investment.deals-signed-amount", Contribution.amount(orgUnit, amount, record, seen));
                if (amount.compareTo(HUNDRED_MILLION) >= 0) {
                    add(out, "investment.deals-over-100m", Contribution.count(orgUnit, record, seen));
                }
            }
            if (!arrivalsInWindow.isEmpty()) {
                BigDecimal arrived = arrivalsInWindow.stream().map(f -> decimal(f.data(), "amount"))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                add(out, "investment.funds-arrived", Contribution.amount(orgUnit, arrived, record, arrivalsInWindow));
            }
            // Arrival rate: the deals signed this year up to the cut-off and still alive, arrivals against contract.
            boolean signedThisYear = signed.effectiveDate().getYear() == window.year();
            if (signedThisYear && !"TERMINATED".equals(status)) {
                add(out, "investment.funds-arrival-rate",
                        Contribution.ratio(orgUnit, arrivedToCutoff, amount, record, seen));
            }
        }
    }

    private static void fixedAssetInvestment(List<Fact> facts, Window window, Map<String, List<Contribution>> out) {
        Map<String, Fact> latest = Facts.latestRecorded(Facts.ofTypes(facts, FAI_REPORTED, FAI_CORRECTED),
                f -> f.orgUnit() + "|" + f.data().get("month").asText());
        for (Fact f : latest.values()) {
            YearMonth month = month(f.data(), "month");
            if (!window.coversMonth(month)) {
                continue;
            }
            BigDecimal amount = decimal(f.data(), "amount");
            Contribution.Record record = new Contribution.Record("fixed-asset-investment", f.orgUnit() + "/" + month,
                    f.orgUnit() + " " + month, SOURCE, "/api/v1/fixed-asset-investment/" + f.orgUnit() + "/" + month);
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
}
