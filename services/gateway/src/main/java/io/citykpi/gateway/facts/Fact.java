package io.citykpi.gateway.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.shared.contract.EventContract;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;

/**
 * One applied event as the KPI engine reads it: what happened ({@code effectiveDate}), when the
 * producing service recorded it ({@code recordedAt}, the CloudEvents time), and its payload. Keeping
 * both dates lets every KPI be answered as of any business date and as known at any moment.
 *
 * @param sequence the order in which the gateway applied it; breaks ties between equal timestamps
 */
public record Fact(UUID eventId, String type, String source, String subject, String orgUnit,
                   LocalDate effectiveDate, OffsetDateTime recordedAt, long sequence, JsonNode data) {

    /** The order a history is replayed in: business date first, then the order it was recorded. */
    public static final Comparator<Fact> HISTORY_ORDER = Comparator.comparing(Fact::effectiveDate)
            .thenComparing(Fact::recordedAt)
            .thenComparingLong(Fact::sequence);

    /** Which of two facts about the same thing was recorded later, and so replaces the other. */
    public static final Comparator<Fact> RECORDING_ORDER = Comparator.comparing(Fact::recordedAt)
            .thenComparingLong(Fact::sequence);

    /** The payload as the contract's record of its type (checked against the contract when it was ingested). */
    public <T extends Record> T payload(Class<T> type) {
        return EventContract.payload(data, type);
    }

    public boolean effectiveBy(LocalDate date) {
        return !effectiveDate.isAfter(date);
    }
}
