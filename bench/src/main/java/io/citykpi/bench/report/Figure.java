package io.citykpi.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * One measured figure beside its baseline from the same run.
 *
 * @param section   what was measured (reads, freshness, ingest, ...)
 * @param name      the figure, e.g. {@code /api/v1/kpis repeated: throughput}
 * @param value     the measured value; NaN when it could not be measured
 * @param unit      req/s, ms, events/s, MB
 * @param baseline  the same figure for the baseline (null when the figure has none)
 * @param against   what the baseline is, e.g. {@code /q/health/live}
 * @param goals     issue 15's goals for this figure (all must hold)
 * @param note      what else a reader needs (samples, errors)
 */
public record Figure(String section, String name, double value, String unit, Double baseline, String against,
                     List<Goal> goals, String note) {

    public Figure {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    public Double ratio() {
        if (baseline == null || baseline == 0 || Double.isNaN(value) || baseline.isNaN()) {
            return null;
        }
        return value / baseline;
    }

    /** Null when there is no goal or it cannot be judged. */
    public Boolean met() {
        Boolean all = null;
        for (Goal goal : goals) {
            Boolean met = goal.metBy(value, ratio());
            if (met == null) {
                return null;
            }
            all = all == null ? met : all && met;
        }
        return all;
    }

    public String formattedValue() {
        return format(value, unit);
    }

    public String formattedBaseline() {
        return baseline == null ? "" : format(baseline, unit) + (against == null ? "" : " (" + against + ")");
    }

    public String formattedRatio() {
        Double r = ratio();
        if (r == null) {
            return "";
        }
        return (r >= 100 ? String.format(Locale.ROOT, "%.0f", r) : r >= 10 ? String.format(Locale.ROOT, "%.1f", r)
                : r >= 0.01 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.4f", r)) + "×";
    }

    public String formattedGoals() {
        return String.join(" and ", goals.stream().map(g -> g.describe(unit)).toList());
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }

    static String plain(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : Double.toString(value);
    }
}
