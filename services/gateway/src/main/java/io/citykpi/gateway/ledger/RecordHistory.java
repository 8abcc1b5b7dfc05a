package io.citykpi.gateway.ledger;

import io.citykpi.gateway.facts.Fact;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The versions of one record's rows in recording time. After every moment at which something about
 * the record was recorded, its rows are what the rules make of the facts recorded by then; a row that
 * stops being part of them is superseded at that moment. This is what keeps known-at questions exact
 * while corrections and late reports keep arriving.
 */
public final class RecordHistory {

    private RecordHistory() {
    }

    /** Every version of the record's rows, from all its facts: what a rebuild writes. */
    public static List<RecordedRow> of(LedgerRules rules, List<Fact> facts) {
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(Fact.RECORDING_ORDER);
        Map<LedgerRow, OffsetDateTime> open = new LinkedHashMap<>();
        List<RecordedRow> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            OffsetDateTime at = sorted.get(i).recordedAt();
            i = endOfMoment(sorted, i);
            Set<LedgerRow> current = new LinkedHashSet<>(rules.rows(sorted.subList(0, i)));
            for (Iterator<Map.Entry<LedgerRow, OffsetDateTime>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<LedgerRow, OffsetDateTime> entry = it.next();
                if (!current.contains(entry.getKey())) {
                    out.add(new RecordedRow(entry.getKey(), entry.getValue(), at));
                    it.remove();
                }
            }
            for (LedgerRow row : current) {
                open.putIfAbsent(row, at);
            }
        }
        open.forEach((row, at) -> out.add(new RecordedRow(row, at, null)));
        return out;
    }

    /**
     * What facts recorded after everything known about the record change: the rows open now are
     * superseded where the new facts change them. Requires every added fact to be recorded after every
     * known one ({@link #isInOrder}); otherwise use {@link #rewrite}.
     */
    public static RecordChanges append(LedgerRules rules, String replayKey, List<Fact> known, List<Fact> added) {
        RecordChanges changes = new RecordChanges(replayKey);
        List<Fact> sortedAdded = new ArrayList<>(added);
        sortedAdded.sort(Fact.RECORDING_ORDER);
        List<Fact> facts = new ArrayList<>(known);
        Set<LedgerRow> openBefore = new LinkedHashSet<>(rules.rows(facts));
        Map<LedgerRow, OffsetDateTime> openedNow = new LinkedHashMap<>();
        int i = 0;
        while (i < sortedAdded.size()) {
            OffsetDateTime at = sortedAdded.get(i).recordedAt();
            int end = endOfMoment(sortedAdded, i);
            facts.addAll(sortedAdded.subList(i, end));
            i = end;
            Set<LedgerRow> current = new LinkedHashSet<>(rules.rows(facts));
            for (Iterator<LedgerRow> it = openBefore.iterator(); it.hasNext(); ) {
                LedgerRow row = it.next();
                if (!current.contains(row)) {
                    changes.superseded.add(new RecordChanges.Supersede(row, null, null, at));
                    it.remove();
                }
            }
            for (Iterator<Map.Entry<LedgerRow, OffsetDateTime>> it = openedNow.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<LedgerRow, OffsetDateTime> entry = it.next();
                if (!current.contains(entry.getKey())) {
                    changes.inserted.add(new RecordedRow(entry.getKey(), entry.getValue(), at));
                    it.remove();
                }
            }
            for (LedgerRow row : current) {
                if (!openBefore.contains(row)) {
                    openedNow.putIfAbsent(row, at);
                }
            }
        }
        openedNow.forEach((row, at) -> changes.inserted.add(new RecordedRow(row, at, null)));
        return changes;
    }

    /**
     * A fact recorded before (or at the same moment as) facts already applied changes the versions from
     * its moment on: compares every version before and after and says which stored rows go, which come
     * and whose superseded moment moves.
     */
    public static RecordChanges rewrite(LedgerRules rules, String replayKey, List<Fact> known, List<Fact> added) {
        RecordChanges changes = new RecordChanges(replayKey);
        List<Fact> all = new ArrayList<>(known);
        all.addAll(added);
        Map<Key, RecordedRow> before = index(of(rules, known));
        Map<Key, RecordedRow> after = index(of(rules, all));
        before.forEach((key, row) -> {
            RecordedRow now = after.get(key);
            if (now == null) {
                changes.deleted.add(row);
            } else if (!Objects.equals(instant(row.supersededAt()), instant(now.supersededAt()))) {
                changes.superseded.add(new RecordChanges.Supersede(row.row(), row.recordedAt(), row.supersededAt(),
                        now.supersededAt()));
            }
        });
        after.forEach((key, row) -> {
            if (!before.containsKey(key)) {
                changes.inserted.add(row);
            }
        });
        return changes;
    }

    /** True when every added fact was recorded after every known one: the common, cheap case. */
    public static boolean isInOrder(List<Fact> known, List<Fact> added) {
        Instant newestKnown = null;
        for (Fact fact : known) {
            Instant at = fact.recordedAt().toInstant();
            if (newestKnown == null || at.isAfter(newestKnown)) {
                newestKnown = at;
            }
        }
        if (newestKnown == null) {
            return true;
        }
        for (Fact fact : added) {
            if (!fact.recordedAt().toInstant().isAfter(newestKnown)) {
                return false;
            }
        }
        return true;
    }

    private record Key(LedgerRow row, Instant recordedAt) {
    }

    private static Map<Key, RecordedRow> index(List<RecordedRow> rows) {
        Map<Key, RecordedRow> map = new HashMap<>();
        rows.forEach(row -> map.put(new Key(row.row(), row.recordedAt().toInstant()), row));
        return map;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The index after the last fact recorded at the same moment as the one at {@code start}. */
    private static int endOfMoment(List<Fact> sorted, int start) {
        Instant at = sorted.get(start).recordedAt().toInstant();
        int i = start;
        while (i < sorted.size() && sorted.get(i).recordedAt().toInstant().equals(at)) {
            i++;
        }
        return i;
    }
}
