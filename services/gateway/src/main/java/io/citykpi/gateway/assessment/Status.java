package io.citykpi.gateway.assessment;

/** Where a KPI value stands against its target. */
public enum Status {
    /** Ahead of time progress (or better than a level target) by at least the configured margin. */
    AHEAD,
    /** On time progress, or behind it by no more than the configured tolerance. */
    ON_TRACK,
    /** Behind by more than the tolerance, or over a ceiling. */
    BEHIND,
    /** No target is set for the KPI, the unit and the year. */
    NO_TARGET,
    /** A target exists but the value cannot be computed (a ratio with nothing in its denominator). */
    NO_DATA
}
