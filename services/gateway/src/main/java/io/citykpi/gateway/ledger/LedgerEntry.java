package io.citykpi.gateway.ledger;

import io.citykpi.gateway.facts.Fact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one record (a project, a deal, a monthly report, a case, a hazard...) adds to one KPI for one
 * org unit, independent of the question asked. A {@link LedgerRow} says for which cut-off dates it
 * holds. How a window counts it:
 * <ul>
 *   <li>a <em>stock</em> ({@code occurredOn == null}) counts whenever the cut-off lies in its row's validity;</li>
 *   <li>a <em>flow</em> counts when, in addition, it occurred between the period's start and the cut-off
 *   ({@code untilPeriodEnd}: the period's end, for planned amounts of a whole period);</li>
 *   <li>{@code scopeYear} other than 0 limits it to windows of that year (a plan for 2025).</li>
 * </ul>
 *
 * @param recordFlags which windows count this entry as one more contribution: {@link #IN_YEAR},
 *                    {@link #IN_QUARTER}, {@link #IN_MONTH} (a project with twelve monthly reports is
 *                    one contribution to a year's investment, so only its first month of each period carries the flag)
 * @param evidence    the CloudEvents ids of the facts it was built from
 * @param newestAt    when the newest of those facts was recorded
 * @param attributes  what a breakdown groups by (sector, case type, hazard domain...)
 */
public record LedgerEntry(String kpiId, String orgUnit, String recordKind, String recordId, String label,
                          int scopeYear, LocalDate occurredOn, boolean untilPeriodEnd,
                          BigDecimal numerator, BigDecimal denominator, int recordFlags,
                          List<UUID> evidence, OffsetDateTime newestAt, Map<String, String> attributes) {

    public static final int IN_YEAR = 1;
    public static final int IN_QUARTER = 2;
    public static final int IN_MONTH = 4;
    public static final int IN_EVERY_WINDOW = IN_YEAR | IN_QUARTER | IN_MONTH;

    public LedgerEntry {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(numerator, "numerator");
        evidence = List.copyOf(evidence);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean isStock() {
        return occurredOn == null;
    }

    public LedgerEntry withRecordFlags(int flags) {
        return new LedgerEntry(kpiId, orgUnit, recordKind, recordId, label, scopeYear, occurredOn, untilPeriodEnd,
                numerator, denominator, flags, evidence, newestAt, attributes);
    }

    /** The record an entry is about: kind and id (for links and explanations), a label people recognise. */
    public record Subject(String kind, String id, String label, Map<String, String> attributes) {

        public Subject {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        public Subject(String kind, String id, String label) {
            this(kind, id, label, Map.of());
        }

        /** Starts an entry of this record for a KPI in a unit. */
        public Builder entry(String kpiId, String orgUnit) {
            return new Builder(kpiId, orgUnit, this);
        }
    }

    /** Builds entries the way the reference engine builds contributions: count, amount, ratio or hit. */
    public static final class Builder {
        private final String kpiId;
        private final String orgUnit;
        private final Subject subject;
        private int scopeYear;
        private LocalDate occurredOn;
        private boolean untilPeriodEnd;
        private BigDecimal numerator = BigDecimal.ONE;
        private BigDecimal denominator;
        private int flags = IN_EVERY_WINDOW;
        private List<UUID> evidence = List.of();
        private OffsetDateTime newestAt;

        private Builder(String kpiId, String orgUnit, Subject subject) {
            this.kpiId = kpiId;
            this.orgUnit = orgUnit;
            this.subject = subject;
        }

        public Builder count() {
            numerator = BigDecimal.ONE;
            denominator = null;
            return this;
        }

        public Builder amount(BigDecimal amount) {
            numerator = amount;
            denominator = null;
            return this;
        }

        public Builder ratio(BigDecimal numerator, BigDecimal denominator) {
            this.numerator = numerator;
            this.denominator = denominator;
            return this;
        }

        /** One out of one when counted, zero out of one when not: for rates of records. */
        public Builder hit(boolean counted) {
            return ratio(counted ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ONE);
        }

        /** A flow: counts in windows whose period started by this day and whose cut-off is not before it. */
        public Builder occurredOn(LocalDate day) {
            occurredOn = Objects.requireNonNull(day);
            return this;
        }

        /** Counted for the whole period once the period contains the day (planned amounts), not only up to the cut-off. */
        public Builder untilPeriodEnd() {
            untilPeriodEnd = true;
            return this;
        }

        public Builder scopeYear(int year) {
            scopeYear = year;
            return this;
        }

        public Builder recordFlags(int recordFlags) {
            flags = recordFlags;
            return this;
        }

        public Builder evidence(Collection<Fact> facts) {
            evidence = facts.stream().map(Fact::eventId).toList();
            newestAt = null;
            for (Fact fact : facts) {
                if (newestAt == null || fact.recordedAt().isAfter(newestAt)) {
                    newestAt = fact.recordedAt();
                }
            }
            return this;
        }

        public Builder evidence(Fact... facts) {
            return evidence(List.of(facts));
        }

        public LedgerEntry build() {
            return new LedgerEntry(kpiId, orgUnit, subject.kind(), subject.id(), subject.label(), scopeYear, occurredOn,
                    untilPeriodEnd, numerator, denominator, flags, evidence, newestAt, subject.attributes());
        }
    }
}
