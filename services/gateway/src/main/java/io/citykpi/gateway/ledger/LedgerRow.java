package io.citykpi.gateway.ledger;

import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An entry and the cut-off dates it holds for: {@code validFrom <= cutoff < validTo} (null: unbounded).
 * A record's rows are a function of its facts; when a new fact changes them, the old row is superseded
 * (kept, with the moment it stopped being true) and the new one recorded, never changed in place.
 */
public record LedgerRow(LedgerEntry entry, LocalDate validFrom, LocalDate validTo) {

    /**
     * The first cut-off at which a window can count the row: its validity start, or for a flow the day it
     * occurred if that is later (a flow counts only once the cut-off has reached it).
     */
    public LocalDate activeFrom() {
        LocalDate occurred = entry.occurredOn();
        if (occurred == null || entry.untilPeriodEnd()) {
            return validFrom;
        }
        return validFrom == null || occurred.isAfter(validFrom) ? occurred : validFrom;
    }

    /**
     * Whether a window counts the row: its cut-off lies in the row's validity; a flow occurred between
     * the period's start and the cut-off (the period's end for planned amounts); a year-scoped entry
     * belongs to the window's year. The ledger's SQL asks exactly this, through its pre-aggregates.
     */
    public boolean countsIn(Window window) {
        if (window.notStarted()) {
            return false;
        }
        LocalDate cutoff = window.cutoff();
        if (validFrom != null && cutoff.isBefore(validFrom) || validTo != null && !cutoff.isBefore(validTo)) {
            return false;
        }
        if (entry.scopeYear() != 0 && entry.scopeYear() != window.year()) {
            return false;
        }
        LocalDate occurred = entry.occurredOn();
        return occurred == null || !occurred.isBefore(window.start())
                && !occurred.isAfter(entry.untilPeriodEnd() ? window.end() : cutoff);
    }

    /** 1 when the window counts the row as one more contribution (see {@link LedgerEntry#recordFlags}). */
    public int recordsIn(Period.Kind kind) {
        int flag = switch (kind) {
            case YEAR -> LedgerEntry.IN_YEAR;
            case QUARTER -> LedgerEntry.IN_QUARTER;
            case MONTH -> LedgerEntry.IN_MONTH;
        };
        return (entry.recordFlags() & flag) != 0 ? 1 : 0;
    }

    /** Rows no cut-off can count are not kept. */
    public boolean countsSomewhere() {
        LocalDate from = activeFrom();
        return from == null || validTo == null || from.isBefore(validTo);
    }

    /**
     * Identifies the row's content among the rows of its record (stored, used to supersede it). A 64-bit
     * mix of the fields' specified hash codes: the same on every JVM, and cheap, since every changed row
     * is hashed on the ingest path.
     */
    public long hash() {
        LedgerEntry e = entry;
        long h = mix(0x9E3779B97F4A7C15L, e.kpiId().hashCode());
        h = mix(h, e.orgUnit().hashCode());
        h = mix(h, Objects.hashCode(e.recordKind()));
        h = mix(h, Objects.hashCode(e.recordId()));
        h = mix(h, Objects.hashCode(e.label()));
        h = mix(h, e.scopeYear());
        h = mix(h, day(e.occurredOn()));
        h = mix(h, e.untilPeriodEnd() ? 1 : 0);
        h = mix(h, e.numerator().hashCode());
        h = mix(h, e.denominator() == null ? 0 : e.denominator().hashCode() + 1);
        h = mix(h, e.recordFlags());
        h = mix(h, e.newestAt() == null ? 0 : e.newestAt().toInstant().hashCode());
        h = mix(h, day(validFrom));
        h = mix(h, day(validTo));
        for (UUID id : e.evidence()) {
            h = mix(h, id.getMostSignificantBits());
            h = mix(h, id.getLeastSignificantBits());
        }
        for (Map.Entry<String, String> attribute : new TreeMap<>(e.attributes()).entrySet()) {
            h = mix(h, attribute.getKey().hashCode());
            h = mix(h, attribute.getValue().hashCode());
        }
        return h;
    }

    private static long day(LocalDate date) {
        return date == null ? Long.MIN_VALUE : date.toEpochDay();
    }

    /** SplitMix64's finaliser over the running hash and the next value. */
    private static long mix(long h, long value) {
        long z = h ^ (value + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
