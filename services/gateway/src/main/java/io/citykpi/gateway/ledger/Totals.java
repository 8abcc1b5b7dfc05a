package io.citykpi.gateway.ledger;

import io.citykpi.shared.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns changes of rows into changes of the pre-aggregates. A row counts for cut-offs in
 * [activeFrom, validTo) and recording moments in [recordedAt, supersededAt): recorded, it adds its value
 * from activeFrom and takes it away from validTo; superseded, the reverse. Each such change is added to
 * the year, month and day bucket of its cut-off date, times the year, month and day of its recording
 * (Asia/Shanghai), so a window sums a few buckets instead of the rows.
 */
public final class Totals {

    /** Stands in for "since always" in a bucket: no business date the gateway accepts is this early. */
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    static final char[] GRAINS = {'Y', 'M', 'D'};

    private final Map<Key, Delta> deltas = new HashMap<>();

    public record Key(char recGrain, char cutGrain, LocalDate cutBucket, LocalDate recBucket, String kpiId,
                      String orgUnit, int scopeYear, int occMonth) {

        /** The order rows are upserted in, the same in every transaction (no deadlocks between replicas). */
        static final Comparator<Key> ORDER = Comparator.comparing(Key::recGrain).thenComparing(Key::cutGrain)
                .thenComparing(Key::cutBucket).thenComparing(Key::recBucket).thenComparing(Key::kpiId)
                .thenComparing(Key::orgUnit).thenComparingInt(Key::scopeYear).thenComparingInt(Key::occMonth);
    }

    public static final class Delta {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        int recordsYear;
        int recordsQuarter;
        int recordsMonth;
        OffsetDateTime newestAt;

        public BigDecimal numerator() {
            return numerator;
        }

        public BigDecimal denominator() {
            return denominator;
        }

        public int recordsYear() {
            return recordsYear;
        }

        public int recordsQuarter() {
            return recordsQuarter;
        }

        public int recordsMonth() {
            return recordsMonth;
        }

        public OffsetDateTime newestAt() {
            return newestAt;
        }
    }

    /** The deltas in the order they are written. */
    public Map<Key, Delta> deltas() {
        Map<Key, Delta> sorted = new TreeMap<>(Key.ORDER);
        sorted.putAll(deltas);
        return sorted;
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    public Totals add(RecordChanges changes) {
        changes.inserted().forEach(row -> recorded(row, 1));
        changes.deleted().forEach(row -> recorded(row, -1));
        for (RecordChanges.Supersede s : changes.superseded()) {
            if (s.from() != null) {
                superseded(s.row(), s.from(), -1);
            }
            if (s.to() != null) {
                superseded(s.row(), s.to(), 1);
            }
        }
        return this;
    }

    public Totals addAll(List<RecordChanges> all) {
        all.forEach(this::add);
        return this;
    }

    /** A row with its recording interval: counted from its recording, and no longer from its superseding. */
    public void recorded(RecordedRow row, int sign) {
        change(row.row(), row.recordedAt(), sign, true);
        if (row.supersededAt() != null) {
            superseded(row.row(), row.supersededAt(), sign);
        }
    }

    private void superseded(LedgerRow row, OffsetDateTime at, int sign) {
        change(row, at, -sign, false);
    }

    private void change(LedgerRow row, OffsetDateTime at, int sign, boolean newest) {
        LocalDate from = row.activeFrom() == null ? BEGINNING : row.activeFrom();
        LocalDate recordedOn = at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        put(row, from, recordedOn, sign, newest ? row.entry().newestAt() : null);
        if (row.validTo() != null) {
            put(row, row.validTo(), recordedOn, -sign, null);
        }
    }

    private void put(LedgerRow row, LocalDate cutoff, LocalDate recordedOn, int sign, OffsetDateTime newestAt) {
        LedgerEntry e = row.entry();
        int occMonth = e.occurredOn() == null ? 0 : e.occurredOn().getYear() * 100 + e.occurredOn().getMonthValue();
        BigDecimal numerator = sign > 0 ? e.numerator() : e.numerator().negate();
        BigDecimal denominator = e.denominator() == null ? BigDecimal.ZERO
                : sign > 0 ? e.denominator() : e.denominator().negate();
        int flags = e.recordFlags();
        for (char recGrain : GRAINS) {
            for (char cutGrain : GRAINS) {
                Key key = new Key(recGrain, cutGrain, bucket(cutGrain, cutoff), bucket(recGrain, recordedOn), e.kpiId(),
                        e.orgUnit(), e.scopeYear(), occMonth);
                Delta d = deltas.computeIfAbsent(key, k -> new Delta());
                d.numerator = d.numerator.add(numerator);
                d.denominator = d.denominator.add(denominator);
                d.recordsYear += (flags & LedgerEntry.IN_YEAR) != 0 ? sign : 0;
                d.recordsQuarter += (flags & LedgerEntry.IN_QUARTER) != 0 ? sign : 0;
                d.recordsMonth += (flags & LedgerEntry.IN_MONTH) != 0 ? sign : 0;
                if (newestAt != null && (d.newestAt == null || newestAt.isAfter(d.newestAt))) {
                    d.newestAt = newestAt;
                }
            }
        }
    }

    /** The first day of the year, month or day a date falls in. */
    public static LocalDate bucket(char grain, LocalDate day) {
        return switch (grain) {
            case 'Y' -> day.withDayOfYear(1);
            case 'M' -> day.withDayOfMonth(1);
            default -> day;
        };
    }
}
