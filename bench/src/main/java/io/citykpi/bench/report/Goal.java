package io.citykpi.bench.report;

/**
 * A goal of issue 15 for a figure: a limit on the value itself or on its ratio to the baseline.
 *
 * @param on    {@code value} or {@code ratio}
 * @param most  true for "at most", false for "at least"
 * @param limit the limit, in the figure's unit (value) or as a factor (ratio)
 */
public record Goal(String on, boolean most, double limit) {

    public static Goal valueAtMost(double limit) {
        return new Goal("value", true, limit);
    }

    public static Goal ratioAtLeast(double limit) {
        return new Goal("ratio", false, limit);
    }

    public static Goal ratioAtMost(double limit) {
        return new Goal("ratio", true, limit);
    }

    /** Null when the figure lacks what the goal needs (no baseline). */
    public Boolean metBy(double value, Double ratio) {
        Double x = on.equals("ratio") ? ratio : Double.valueOf(value);
        if (x == null || x.isNaN()) {
            return null;
        }
        return most ? x <= limit : x >= limit;
    }

    public String describe(String unit) {
        String sign = most ? "≤ " : "≥ ";
        return on.equals("ratio") ? sign + Figure.plain(limit) + "×" : sign + Figure.plain(limit) + " " + unit;
    }
}
