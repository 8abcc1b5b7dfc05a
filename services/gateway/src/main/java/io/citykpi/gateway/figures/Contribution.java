package io.citykpi.gateway.figures;

import io.citykpi.gateway.facts.Fact;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one record (a project, a deal, a monthly report, a hazard...) adds to a KPI for the unit it
 * belongs to: a numerator and, for ratios, a denominator. Values roll up by adding these, never by
 * averaging rates; the facts behind it are what the explain endpoint shows.
 *
 * @param record what the contribution is about, e.g. {@code project 3f2c...} or {@code 220421 2025-05}
 */
public record Contribution(String orgUnit, BigDecimal numerator, BigDecimal denominator, Record record,
                           List<Fact> facts) {

    /** The thing behind a contribution, with a link to it in the service that owns it. */
    public record Record(String kind, String id, String label, String source, String path) {
    }

    public static Contribution count(String orgUnit, Record record, List<Fact> facts) {
        return new Contribution(orgUnit, BigDecimal.ONE, null, record, facts);
    }

    public static Contribution amount(String orgUnit, BigDecimal amount, Record record, List<Fact> facts) {
        return new Contribution(orgUnit, amount, null, record, facts);
    }

    public static Contribution ratio(String orgUnit, BigDecimal numerator, BigDecimal denominator, Record record,
                                     List<Fact> facts) {
        return new Contribution(orgUnit, numerator, denominator, record, facts);
    }

    public static Contribution hit(String orgUnit, boolean counted, Record record, List<Fact> facts) {
        return new Contribution(orgUnit, counted ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ONE, record, facts);
    }
}
