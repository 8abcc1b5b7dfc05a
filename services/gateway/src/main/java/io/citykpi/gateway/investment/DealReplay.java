package io.citykpi.gateway.investment;

import static io.citykpi.gateway.facts.Payload.decimal;
import static io.citykpi.gateway.facts.Payload.text;

import io.citykpi.gateway.facts.Fact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An investment deal as its facts tell it, replayed in history order: signed, its contract amount as
 * amended, its status, the funds that arrived.
 */
final class DealReplay {

    static final String DEAL_SIGNED = "citykpi.investment.deal-signed.v1";
    static final String DEAL_STATUS_CHANGED = "citykpi.investment.deal-status-changed.v1";
    static final String FUNDS_ARRIVED = "citykpi.investment.funds-arrived.v1";
    static final String CONTRACT_AMENDED = "citykpi.investment.contract-amended.v1";
    static final String FAI_REPORTED = "citykpi.investment.fixed-asset-investment-reported.v1";
    static final String FAI_CORRECTED = "citykpi.investment.fixed-asset-investment-corrected.v1";

    static final Set<String> DEAL_TYPES = Set.of(DEAL_SIGNED, DEAL_STATUS_CHANGED, FUNDS_ARRIVED, CONTRACT_AMENDED);
    static final Set<String> TYPES = Set.of(DEAL_SIGNED, DEAL_STATUS_CHANGED, FUNDS_ARRIVED, CONTRACT_AMENDED,
            FAI_REPORTED, FAI_CORRECTED);

    /** 1亿元 in 万元: the threshold of a deal "over 100 million". */
    static final BigDecimal HUNDRED_MILLION = new BigDecimal("10000");
    static final String TERMINATED = "TERMINATED";

    private DealReplay() {
    }

    static final class Deal {
        Fact signed;
        BigDecimal amount;
        String status;
        BigDecimal arrived = BigDecimal.ZERO;
        final List<Fact> arrivals = new ArrayList<>();
        final List<Fact> seen = new ArrayList<>();

        void apply(Fact f) {
            switch (f.type()) {
                case DEAL_SIGNED -> {
                    signed = f;
                    amount = decimal(f.data(), "contractAmount");
                    status = "SIGNED";
                }
                case CONTRACT_AMENDED -> amount = decimal(f.data(), "newAmount");
                case DEAL_STATUS_CHANGED -> status = text(f.data(), "toStatus");
                case FUNDS_ARRIVED -> {
                    arrived = arrived.add(decimal(f.data(), "amount"));
                    arrivals.add(f);
                }
                default -> {
                }
            }
            seen.add(f);
        }

        boolean terminated() {
            return TERMINATED.equals(status);
        }

        String name() {
            return text(signed.data(), "name");
        }
    }
}
