package io.citykpi.gateway.ledger;

import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Map;
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

    /** Identifies the row's content among the rows of its record (stored, used to supersede it). */
    public long hash() {
        LedgerEntry e = entry;
        StringBuilder text = new StringBuilder(256)
                .append(e.kpiId()).append('|').append(e.orgUnit()).append('|').append(e.recordKind()).append('|')
                .append(e.recordId()).append('|').append(e.label()).append('|').append(e.scopeYear()).append('|')
                .append(e.occurredOn()).append('|').append(e.untilPeriodEnd()).append('|')
                .append(e.numerator().toPlainString()).append('|')
                .append(e.denominator() == null ? "-" : e.denominator().toPlainString()).append('|')
                .append(e.recordFlags()).append('|').append(e.newestAt() == null ? "-" : e.newestAt().toInstant())
                .append('|').append(validFrom).append('|').append(validTo).append('|');
        for (UUID id : e.evidence()) {
            text.append(id).append(',');
        }
        for (Map.Entry<String, String> attribute : new TreeMap<>(e.attributes()).entrySet()) {
            text.append('|').append(attribute.getKey()).append('=').append(attribute.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
