package io.citykpi.gateway.assessment;

import io.citykpi.gateway.targets.TargetCurve;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.period.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A value against its target and the calendar: completion rate (完成率), time progress (时间进度),
 * the gap between them in percentage points and the status that gap gives.
 *
 * <ul>
 *   <li>Cumulative KPIs: the period's target is what the target curve adds over the period (a flow) or
 *   reaches by its end (a stock); time progress is what the curve expects by the cut-off as a share
 *   of that. Unphased, a year's time progress is days elapsed ÷ days in the year.</li>
 *   <li>Level KPIs: compared with the target directly (gap = completion − 100); no time progress.</li>
 *   <li>Lower is better: the target is a ceiling; below it AHEAD, on it ON_TRACK, over it BEHIND.</li>
 *   <li>Rates that are themselves a change (growth, {@code comparison: DIFFERENCE}): no completion rate; the gap
 *   is value − target in percentage points, with the rate thresholds of the status rule.</li>
 * </ul>
 */
public record Assessment(BigDecimal target, BigDecimal completionRate, BigDecimal timeProgress, BigDecimal gapPoints,
                         Status status) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Assessment assess(KpiDefinition definition, BigDecimal value, TargetCurve target, Window window,
                                    StatusRule rule) {
        if (target == null) {
            return new Assessment(null, null, null, null, Status.NO_TARGET);
        }
        if (definition.lowerIsBetter()) {
            BigDecimal ceiling = target.annual();
            Status status = value == null ? Status.NO_DATA
                    : value.compareTo(ceiling) < 0 ? Status.AHEAD
                    : value.compareTo(ceiling) == 0 ? Status.ON_TRACK : Status.BEHIND;
            return new Assessment(ceiling, null, null, null, status);
        }
        if (definition.comparedByDifference()) {
            BigDecimal level = target.annual();
            if (value == null) {
                return new Assessment(round(level), null, null, null, Status.NO_DATA);
            }
            BigDecimal gap = value.subtract(level).setScale(2, RoundingMode.HALF_UP);
            Status status = gap.compareTo(rule.rateAheadFromPoints()) >= 0 ? Status.AHEAD
                    : gap.compareTo(rule.rateBehindTolerancePoints().negate()) >= 0 ? Status.ON_TRACK : Status.BEHIND;
            return new Assessment(round(level), null, null, gap, status);
        }
        BigDecimal periodTarget;
        BigDecimal timeProgress = null;
        if (definition.isCumulative()) {
            BigDecimal base = definition.isFlow() ? target.expectedBy(window.start().minusDays(1)) : BigDecimal.ZERO;
            periodTarget = target.expectedBy(window.end()).subtract(base);
            BigDecimal expected = target.expectedBy(window.cutoff()).subtract(base);
            timeProgress = percent(expected, periodTarget);
        } else {
            periodTarget = target.annual();
        }
        BigDecimal completion = value == null ? null : percent(value, periodTarget);
        if (completion == null) {
            return new Assessment(round(periodTarget), null, timeProgress, null,
                    value == null ? Status.NO_DATA : Status.NO_TARGET);
        }
        BigDecimal gap = completion.subtract(timeProgress != null ? timeProgress : HUNDRED);
        Status status = gap.compareTo(rule.aheadFromPoints()) >= 0 ? Status.AHEAD
                : gap.compareTo(rule.behindTolerancePoints().negate()) >= 0 ? Status.ON_TRACK : Status.BEHIND;
        return new Assessment(round(periodTarget), completion, timeProgress, gap, status);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The bulletin phrase: 超/欠时间进度 X 个百分点, or 高于/低于目标 for level KPIs; for a rate compared by
     * difference, the points between value and target ("低于目标 3.85 个百分点").
     */
    public String gapText(KpiDefinition definition) {
        if (gapPoints == null) {
            return null;
        }
        String points = gapPoints.abs().setScale(definition.comparedByDifference() ? 2 : 1, RoundingMode.HALF_UP)
                .toPlainString();
        if (timeProgress != null) {
            return (gapPoints.signum() >= 0 ? "超时间进度 " : "欠时间进度 ") + points + " 个百分点";
        }
        return (gapPoints.signum() >= 0 ? "高于目标 " : "低于目标 ") + points + " 个百分点";
    }
}
