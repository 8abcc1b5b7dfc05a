package io.citykpi.shared.monthly;

import io.citykpi.shared.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Report a monthly figure; again is a correction", the rule every monthly report of CityKPI follows
 * (project investment, fixed-asset investment, programme progress, assistance, employment):
 * <ul>
 *   <li>the first report of a month creates its row and publishes the kind's <i>reported</i> event;</li>
 *   <li>a later report with other values replaces them and publishes the <i>corrected</i> event, carrying
 *       the values it replaced;</li>
 *   <li>the same values again change nothing and publish nothing (a retried request is harmless).</li>
 * </ul>
 * Races are the kind's lock: {@link Kind#findForUpdate} locks what makes two reports of the same month
 * apply one after the other (the month's row, or the project or programme it belongs to). Two first
 * reports of a month that nothing locks yet both insert; the primary key lets one commit and the other
 * fails with 409, the answer the services give for a concurrent write.
 */
@ApplicationScoped
public class MonthlyFigures {

    private final Outbox outbox;
    private final Clock clock;

    public MonthlyFigures(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One kind of monthly figure: where its rows are and how its values are read and written. */
    public interface Kind<R, V> {

        /** The month's row, locked for the rest of the transaction; null before its first report. */
        R findForUpdate();

        /** A new row for the month, not yet persisted. */
        R create(OffsetDateTime now);

        V valueOf(R row);

        /** Stores the value in the row and flushes it, so sums read afterwards include it. */
        void write(R row, V value, OffsetDateTime now);

        /** Whether a report changes nothing; money compares by value (740.0 is 740.00). */
        boolean same(V stored, V reported);
    }

    /** Stores a value in a row (and flushes it). */
    @FunctionalInterface
    public interface Writer<R, V> {
        void write(R row, V value, OffsetDateTime now);
    }

    /** A kind from its parts, for the services whose rows are plain entities. */
    public static <R, V> Kind<R, V> kind(Supplier<R> findForUpdate, Function<OffsetDateTime, R> create,
                                         Function<R, V> valueOf, Writer<R, V> write, BiPredicate<V, V> same) {
        return new Kind<>() {
            @Override
            public R findForUpdate() {
                return findForUpdate.get();
            }

            @Override
            public R create(OffsetDateTime now) {
                return create.apply(now);
            }

            @Override
            public V valueOf(R row) {
                return valueOf.apply(row);
            }

            @Override
            public void write(R row, V value, OffsetDateTime now) {
                write.write(row, value, now);
            }

            @Override
            public boolean same(V stored, V reported) {
                return same.test(stored, reported);
            }
        };
    }

    /** Money and quantities are equal when their values are (740.0 is 740.00). */
    public static boolean sameAmount(BigDecimal stored, BigDecimal reported) {
        return stored.compareTo(reported) == 0;
    }

    /**
     * What a report did.
     *
     * @param previous the value it replaced; null for a first report and for a repeat of the same values
     * @param changed  false when the same values were reported again (no row written, no event)
     */
    public record Outcome<R, V>(R row, V value, V previous, boolean created, boolean changed) {
    }

    /** The event a changed figure publishes: its types, the record key and unit, and the payload. */
    public record Event<R, V>(String reportedType, String correctedType, String subject, String orgUnit,
                              Function<Outcome<R, V>, Object> payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <R, V> Outcome<R, V> report(Kind<R, V> kind, V value, Event<R, V> event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        R row = kind.findForUpdate();
        boolean created = row == null;
        if (!created) {
            V stored = kind.valueOf(row);
            if (kind.same(stored, value)) {
                return new Outcome<>(row, stored, null, false, false);
            }
        }
        V previous = created ? null : kind.valueOf(row);
        if (created) {
            row = kind.create(now);
        }
        kind.write(row, value, now);
        Outcome<R, V> outcome = new Outcome<>(row, value, previous, created, true);
        outbox.append(created ? event.reportedType() : event.correctedType(), event.subject(), event.orgUnit(),
                event.payload().apply(outcome));
        return outcome;
    }
}
