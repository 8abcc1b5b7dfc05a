package io.citykpi.gateway.reference;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.period.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of one domain, computed by replaying that domain's facts for one window. This is the
 * specification of every KPI: pure functions of the facts they are given, tested against
 * hand-computed tables, and the oracle the ledger is checked against (the ledger must give the same
 * numbers for every KPI, unit, period, as-of date and known-at moment).
 */
public interface DomainMeasures {

    /** The catalogue's name for the domain, e.g. {@code projects}. */
    String domain();

    /** The CloudEvents source whose events feed these KPIs, e.g. {@code /citykpi/projects}. */
    String source();

    /** Contributions per KPI id, for the window. Facts are already limited to those known at the query's moment. */
    Map<String, List<Contribution>> compute(List<Fact> facts, Window window);

    /** Adds a contribution under its KPI id. */
    static void add(Map<String, List<Contribution>> out, String kpiId, Contribution contribution) {
        out.computeIfAbsent(kpiId, id -> new ArrayList<>()).add(contribution);
    }
}
