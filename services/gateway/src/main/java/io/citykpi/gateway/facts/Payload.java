package io.citykpi.gateway.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.facts.UnusableEventException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of event payload fields. A missing or malformed field is the event's fault: at ingest
 * it sends the event to the dead-letter topic, so the ledger only ever reads payloads that parsed.
 * Business dates must lie in {@link #FIRST_DAY} .. {@link #LAST_DAY}: a date the services would never
 * accept (year 0, a deadline in the year 57358) is not placed in time at all.
 */
public final class Payload {

    /** The first business date the gateway places in time. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    /** The last business date the gateway places in time (deadlines may lie years ahead). */
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private Payload() {
    }

    /** A business date inside the range the gateway places in time. */
    public static LocalDate inRange(LocalDate date, String field) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new UnusableEventException("payload field " + field + " is " + date + ", outside " + FIRST_DAY
                    + " .. " + LAST_DAY);
        }
        return date;
    }

    public static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new UnusableEventException("payload field " + field + " is missing or not a string");
        }
        return node.asText();
    }

    public static BigDecimal decimal(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isNumber()) {
            throw new UnusableEventException("payload field " + field + " is missing or not a number");
        }
        return node.decimalValue();
    }

    public static BigDecimal optionalDecimal(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : decimal(data, field);
    }

    public static boolean bool(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isBoolean()) {
            throw new UnusableEventException("payload field " + field + " is missing or not true/false");
        }
        return node.asBoolean();
    }

    public static int integer(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToInt()) {
            throw new UnusableEventException("payload field " + field + " is missing or not a whole number");
        }
        return node.asInt();
    }

    public static LocalDate date(JsonNode data, String field) {
        LocalDate date;
        try {
            date = LocalDate.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not a date (yyyy-MM-dd)");
        }
        return inRange(date, field);
    }

    public static YearMonth month(JsonNode data, String field) {
        YearMonth month;
        try {
            month = YearMonth.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not a month (yyyy-MM)");
        }
        inRange(month.atDay(1), field);
        return month;
    }

    public static YearMonth optionalMonth(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : month(data, field);
    }

    public static OffsetDateTime timestamp(JsonNode data, String field) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not an RFC 3339 timestamp");
        }
        inRange(time.toLocalDate(), field);
        return time;
    }

    public static JsonNode object(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isObject()) {
            throw new UnusableEventException("payload field " + field + " is missing or not an object");
        }
        return node;
    }
}
