package io.citykpi.gateway.figures;

import io.citykpi.gateway.catalogue.KpiDefinition;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

/**
 * A KPI for one org unit in one window: the numerator and denominator added up over every
 * contribution of the unit and the units below it, how many contributions there were, and when the
 * newest event behind them was recorded. Values are always divided from the sums, never averaged.
 *
 * @param records contributions counted (a project, a monthly report, a case...)
 */
public record Figure(BigDecimal numerator, BigDecimal denominator, long records, OffsetDateTime newestEventAt) {

    public static final Figure NONE = new Figure(BigDecimal.ZERO, BigDecimal.ZERO, 0, null);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Figure plus(Figure other) {
        OffsetDateTime newest = newestEventAt == null ? other.newestEventAt
                : other.newestEventAt == null || newestEventAt.isAfter(other.newestEventAt) ? newestEventAt
                : other.newestEventAt;
        return new Figure(numerator.add(other.numerator), denominator.add(other.denominator),
                records + other.records, newest);
    }

    /**
     * The KPI's value as shown: the sum for counts and sums; for ratios Σnum ÷ Σden in percent, two
     * decimals (null when Σden is zero).
     */
    public BigDecimal value(KpiDefinition definition) {
        BigDecimal exact = exactValue(definition);
        return exact == null || !definition.isRatio() ? exact : exact.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The value unrounded (16 significant digits): what completion, gaps and ranks are computed from,
     * so that only what is shown is rounded (1.1538…% against 5% is 23.08% complete, not 23.00%).
     */
    public BigDecimal exactValue(KpiDefinition definition) {
        if (!definition.isRatio()) {
            return numerator;
        }
        if (denominator.signum() == 0) {
            return null;
        }
        BigDecimal percent = numerator.multiply(HUNDRED).divide(denominator, MathContext.DECIMAL64);
        return "CHANGE_PERCENT".equals(definition.ratio()) ? percent.subtract(HUNDRED) : percent;
    }
}
