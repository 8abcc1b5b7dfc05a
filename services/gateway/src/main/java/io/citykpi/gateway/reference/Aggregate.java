package io.citykpi.gateway.reference;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.figures.Figure;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A KPI for one org unit as the replay engine adds it up: every contribution of the unit and the
 * units below it, kept so that explanations and alert rules can look into them.
 */
final class Aggregate {

    private BigDecimal numerator = BigDecimal.ZERO;
    private BigDecimal denominator = BigDecimal.ZERO;
    private OffsetDateTime newestEventAt;
    private final List<Contribution> contributions = new ArrayList<>();

    /** Adds a contribution; the caller finds its newest fact once, as it is shared by many KPIs and units. */
    void add(Contribution contribution, OffsetDateTime newestFactAt) {
        numerator = numerator.add(contribution.numerator());
        if (contribution.denominator() != null) {
            denominator = denominator.add(contribution.denominator());
        }
        if (newestFactAt != null && (newestEventAt == null || newestFactAt.isAfter(newestEventAt))) {
            newestEventAt = newestFactAt;
        }
        contributions.add(contribution);
    }

    static OffsetDateTime newest(List<Fact> facts) {
        OffsetDateTime newest = null;
        for (Fact fact : facts) {
            if (newest == null || fact.recordedAt().isAfter(newest)) {
                newest = fact.recordedAt();
            }
        }
        return newest;
    }

    Figure figure() {
        return new Figure(numerator, denominator, contributions.size(), newestEventAt);
    }

    List<Contribution> contributions() {
        return Collections.unmodifiableList(contributions);
    }
}
