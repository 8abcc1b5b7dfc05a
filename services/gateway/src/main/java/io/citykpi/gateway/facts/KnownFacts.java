package io.citykpi.gateway.facts;

import java.util.List;

/**
 * The facts a query may know, and which state of the fact cache they were filtered from. Two reads
 * with the same revision saw exactly the same facts, so anything computed from them can be reused;
 * facts read from the database (the cache is off) have no revision.
 */
public record KnownFacts(List<Fact> facts, Revision revision) {

    /** A state of the cache: a generation, and a counter that moves whenever facts are added. */
    public record Revision(int generation, long number) {
    }
}
