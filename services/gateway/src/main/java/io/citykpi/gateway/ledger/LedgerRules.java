package io.citykpi.gateway.ledger;

import io.citykpi.gateway.facts.Fact;
import java.util.List;
import java.util.Set;

/**
 * How one domain's facts become ledger rows. The rules see the facts of one record at a time (all the
 * facts that share a {@link #replayKey}) and say what the record contributes to which KPI, for every
 * cut-off date at once; the replay engine ({@code reference} package) is the specification they must
 * agree with, which the differential test checks.
 */
public interface LedgerRules {

    /** The CloudEvents source whose events these rules read, e.g. {@code /citykpi/projects}. */
    String source();

    /** The event types kept as facts. */
    Set<String> types();

    /** Reads every field the rules will need; throws UnusableEventException for a payload that cannot be used. */
    void check(Fact fact);

    /**
     * The facts that are replayed together: normally the subject (a project, a case); a unit's fixed-asset
     * investment series for growth, which compares a month with the same month a year earlier.
     */
    String replayKey(Fact fact);

    /** The record's rows over every cut-off date, from the facts known about it (any order). */
    List<LedgerRow> rows(List<Fact> facts);

    /** The kinds of record these rules write (project, deal, hazard...). */
    Set<String> recordKinds();

    /** Where a record of this domain can be read, as a path of the owning service's API. */
    String path(String recordKind, String recordId);
}
