package io.citykpi.gateway.kpi;

import io.citykpi.gateway.facts.Fact;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPIs of one domain, computed from that domain's facts. Implementations are pure functions of
 * the facts they are given, which is what makes as-of and known-at queries (and unit tests against
 * hand-computed tables) possible.
 */
public interface DomainMeasures {

    /** The catalogue's name for the domain, e.g. {@code projects}. */
    String domain();

    /** The CloudEvents source whose events feed these KPIs, e.g. {@code /citykpi/projects}. */
    String source();

    /** The event types kept as facts. */
    Set<String> types();

    /** Reads every field the KPIs will need; throws UnusableEventException for a payload that cannot be used. */
    void check(Fact fact);

    /** Contributions per KPI id, for the window. Facts are already limited to those known at the query's moment. */
    Map<String, List<Contribution>> compute(List<Fact> facts, Window window);
}
