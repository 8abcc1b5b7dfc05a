package io.citykpi.gateway.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.ingest.UnusableEventException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of event payload fields. A missing or malformed field is the event's fault: at ingest
 * it sends the event to the dead-letter topic, so the KPI engine only ever reads payloads that parsed.
 */
public final class Payload {

    private Payload() {
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
        try {
            return LocalDate.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not a date (yyyy-MM-dd)");
        }
    }

    public static YearMonth month(JsonNode data, String field) {
        try {
            return YearMonth.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not a month (yyyy-MM)");
        }
    }

    public static YearMonth optionalMonth(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : month(data, field);
    }

    public static OffsetDateTime timestamp(JsonNode data, String field) {
        try {
            return OffsetDateTime.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not an RFC 3339 timestamp");
        }
    }

    public static JsonNode object(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isObject()) {
            throw new UnusableEventException("payload field " + field + " is missing or not an object");
        }
        return node;
    }
}
