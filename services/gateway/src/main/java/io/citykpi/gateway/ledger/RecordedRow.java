package io.citykpi.gateway.ledger;

import java.time.OffsetDateTime;

/**
 * A row and the interval of recording time in which it was part of what was known about its record:
 * from {@code recordedAt} (the CloudEvents time of the fact that made it so) until {@code supersededAt}
 * (of the fact that changed it; null while it stands). A known-at question reads the rows whose
 * interval contains its moment.
 */
public record RecordedRow(LedgerRow row, OffsetDateTime recordedAt, OffsetDateTime supersededAt) {

    /** Part of what was known at the moment (null: now). */
    public boolean knownAt(OffsetDateTime moment) {
        if (moment == null) {
            return supersededAt == null;
        }
        return !recordedAt.isAfter(moment) && (supersededAt == null || supersededAt.isAfter(moment));
    }
}
