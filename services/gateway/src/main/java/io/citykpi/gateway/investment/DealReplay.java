package io.citykpi.gateway.investment;

import io.citykpi.shared.contract.investment.DealEvents;
import io.citykpi.shared.contract.investment.DealStatus;
import io.citykpi.shared.contract.investment.FaiEvents;
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

    static final Set<String> DEAL_TYPES = Set.of(DealEvents.SIGNED, DealEvents.STATUS_CHANGED, DealEvents.FUNDS_ARRIVED, DealEvents.CONTRACT_AMENDED);
    static final Set<String> TYPES = Set.of(DealEvents.SIGNED, DealEvents.STATUS_CHANGED, DealEvents.FUNDS_ARRIVED, DealEvents.CONTRACT_AMENDED,
            FaiEvents.REPORTED, FaiEvents.CORRECTED);

    /** 1亿元 in 万元: the threshold of a deal "over 100 million". */
    static final BigDecimal HUNDRED_MILLION = new BigDecimal("10000");

    private DealReplay() {
    }

    static final class Deal {
        Fact signed;
        BigDecimal amount;
        DealStatus status;
        BigDecimal arrived = BigDecimal.ZERO;
        final List<Fact> arrivals = new ArrayList<>();
        final List<Fact> seen = new ArrayList<>();

        void apply(Fact f) {
            switch (f.type()) {
                case DealEvents.SIGNED -> {
                    signed = f;
                    amount = decimal(f.data(), "contractAmount");
                    status = DealStatus.SIGNED;
                }
                case DealEvents.CONTRACT_AMENDED -> amount = decimal(f.data(), "newAmount");
                case DealEvents.STATUS_CHANGED -> status = f.payload(DealEvents.DealStatusChanged.class).toStatus();
                case DealEvents.FUNDS_ARRIVED -> {
                    arrived = arrived.add(decimal(f.data(), "amount"));
                    arrivals.add(f);
                }
                default -> {
                }
            }
            seen.add(f);
        }

        boolean terminated() {
            return status == DealStatus.TERMINATED;
        }

        String name() {
            return text(signed.data(), "name");
        }
    }
}
