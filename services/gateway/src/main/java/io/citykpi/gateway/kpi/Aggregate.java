package io.citykpi.gateway.kpi;

import io.citykpi.gateway.facts.Fact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A KPI for one org unit: the numerator and denominator added up over every contribution of the unit
 * and the units below it, the value they give, and when the newest fact behind it was recorded.
 */
public final class Aggregate {

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

    public BigDecimal numerator() {
        return numerator;
    }

    public BigDecimal denominator() {
        return denominator;
    }

    /** The newest recorded_at (ce_time) among the facts behind the value; null when nothing contributed. */
    public OffsetDateTime newestEventAt() {
        return newestEventAt;
    }

    /** Read-only: computed results are shared by the queries that ask the same question. */
    public List<Contribution> contributions() {
        return Collections.unmodifiableList(contributions);
    }

    /** The KPI's value: the sum for counts and sums; for ratios Σnum ÷ Σden (null when Σden is zero). */
    public BigDecimal value(KpiDefinition definition) {
        if (!definition.isRatio()) {
            return numerator;
        }
        if (denominator.signum() == 0) {
            return null;
        }
        BigDecimal percent = numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP);
        return "CHANGE_PERCENT".equals(definition.ratio()) ? percent.subtract(BigDecimal.valueOf(100)) : percent;
    }
}
