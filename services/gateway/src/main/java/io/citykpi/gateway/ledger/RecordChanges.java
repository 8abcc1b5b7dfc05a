package io.citykpi.gateway.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What new facts change in one record's ledger: rows to add, rows whose recording interval ends (or
 * changes), and, when a fact arrives late (recorded before facts already applied), rows of the
 * versions it rewrites.
 */
public final class RecordChanges {

    /** A stored row whose superseded moment changes; {@code recordedAt} null: the row that is open now. */
    public record Supersede(LedgerRow row, OffsetDateTime recordedAt, OffsetDateTime from, OffsetDateTime to) {
    }

    final String replayKey;
    final List<RecordedRow> inserted = new ArrayList<>();
    final List<Supersede> superseded = new ArrayList<>();
    final List<RecordedRow> deleted = new ArrayList<>();

    RecordChanges(String replayKey) {
        this.replayKey = replayKey;
    }

    public String replayKey() {
        return replayKey;
    }

    public List<RecordedRow> inserted() {
        return inserted;
    }

    public List<Supersede> superseded() {
        return superseded;
    }

    public List<RecordedRow> deleted() {
        return deleted;
    }

    public boolean isEmpty() {
        return inserted.isEmpty() && superseded.isEmpty() && deleted.isEmpty();
    }
}
