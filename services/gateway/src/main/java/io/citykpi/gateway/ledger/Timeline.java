package io.citykpi.gateway.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects a record's entries segment by segment of cut-off dates and joins an entry that holds in
 * consecutive segments into one row, so a record has as few rows as its history needs.
 */
public final class Timeline {

    private final Map<LedgerEntry, List<LocalDate[]>> spans = new LinkedHashMap<>();

    /** The entry holds for cut-offs in [from, to); null from: since always, null to: from then on. */
    public void add(LedgerEntry entry, LocalDate from, LocalDate to) {
        if (from != null && to != null && !from.isBefore(to)) {
            return;
        }
        List<LocalDate[]> list = spans.computeIfAbsent(entry, e -> new ArrayList<>());
        LocalDate[] last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && last[1] != null && Objects.equals(last[1], from)) {
            last[1] = to;
        } else {
            list.add(new LocalDate[] {from, to});
        }
    }

    public void addAll(List<LedgerEntry> entries, LocalDate from, LocalDate to) {
        entries.forEach(entry -> add(entry, from, to));
    }

    /** An entry that holds for every cut-off (a monthly figure: the window decides by its month). */
    public void always(LedgerEntry entry) {
        add(entry, null, null);
    }

    public List<LedgerRow> rows() {
        List<LedgerRow> rows = new ArrayList<>();
        spans.forEach((entry, list) -> list.forEach(span -> {
            LedgerRow row = new LedgerRow(entry, span[0], span[1]);
            if (row.countsSomewhere()) {
                rows.add(row);
            }
        }));
        return rows;
    }

    /**
     * Marks, among entries of one record and KPI that are flows, which one counts as the record's
     * contribution in each year, quarter and month: the earliest of each period (a window starting at a
     * period's start contains a record's entry exactly when it contains its earliest one in that period).
     */
    public static List<LedgerEntry> firstOfEachPeriod(List<LedgerEntry> flows) {
        List<LedgerEntry> sorted = new ArrayList<>(flows);
        sorted.sort(java.util.Comparator.comparing(LedgerEntry::occurredOn));
        List<LedgerEntry> out = new ArrayList<>(sorted.size());
        LocalDate previous = null;
        for (LedgerEntry e : sorted) {
            LocalDate day = e.occurredOn();
            int flags = 0;
            if (previous == null || previous.getYear() != day.getYear()) {
                flags |= LedgerEntry.IN_YEAR;
            }
            if (previous == null || previous.getYear() != day.getYear()
                    || (previous.getMonthValue() - 1) / 3 != (day.getMonthValue() - 1) / 3) {
                flags |= LedgerEntry.IN_QUARTER;
            }
            if (previous == null || previous.getYear() != day.getYear() || previous.getMonthValue() != day.getMonthValue()) {
                flags |= LedgerEntry.IN_MONTH;
            }
            out.add(e.withRecordFlags(flags));
            previous = day;
        }
        return out;
    }
}
