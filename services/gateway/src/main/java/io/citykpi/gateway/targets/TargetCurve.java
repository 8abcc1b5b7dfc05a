package io.citykpi.gateway.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a target expects by any day of its year: zero at the start of the year, the annual value at
 * its end, straight lines between (so an unphased target expects days elapsed ÷ days in the year),
 * or through the checkpoints of a time-phased target ("50% by Q1, 100% by Q2").
 */
public final class TargetCurve {

    private final BigDecimal annual;
    private final NavigableMap<LocalDate, BigDecimal> points;

    private TargetCurve(BigDecimal annual, NavigableMap<LocalDate, BigDecimal> points) {
        this.annual = annual;
        this.points = points;
    }

    /** @param checkpoints cumulative values expected by the given days of the year */
    public static TargetCurve of(int year, BigDecimal annual, Map<LocalDate, BigDecimal> checkpoints) {
        NavigableMap<LocalDate, BigDecimal> points = new TreeMap<>();
        points.put(LocalDate.of(year - 1, 12, 31), BigDecimal.ZERO);
        points.putAll(checkpoints);
        points.putIfAbsent(LocalDate.of(year, 12, 31), annual);
        return new TargetCurve(annual, points);
    }

    /** A parent's target as the sum of its children's: the sum of straight lines is straight between their corners. */
    public static TargetCurve sum(List<TargetCurve> parts) {
        NavigableMap<LocalDate, BigDecimal> points = new TreeMap<>();
        parts.forEach(part -> part.points.keySet().forEach(day -> points.put(day, BigDecimal.ZERO)));
        points.replaceAll((day, zero) -> parts.stream().map(p -> p.expectedBy(day)).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal annual = parts.stream().map(TargetCurve::annual).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TargetCurve(annual, points);
    }

    public BigDecimal annual() {
        return annual;
    }

    /** The cumulative value expected by the end of the given day. */
    public BigDecimal expectedBy(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> before = points.floorEntry(day);
        Map.Entry<LocalDate, BigDecimal> after = points.ceilingEntry(day);
        if (before == null) {
            return BigDecimal.ZERO;
        }
        if (after == null || after.getKey().equals(before.getKey())) {
            return before.getValue();
        }
        BigDecimal span = BigDecimal.valueOf(ChronoUnit.DAYS.between(before.getKey(), after.getKey()));
        BigDecimal elapsed = BigDecimal.valueOf(ChronoUnit.DAYS.between(before.getKey(), day));
        BigDecimal rise = after.getValue().subtract(before.getValue());
        return before.getValue().add(rise.multiply(elapsed).divide(span, MathContext.DECIMAL64));
    }
}
