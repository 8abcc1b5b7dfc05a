package io.citykpi.gateway.targets;

/** Fired when a transaction that changed targets commits: this replica's remembered answers are stale. */
public record TargetsChanged(int year) {
}
