package io.citykpi.shared.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.citykpi.shared.json.NulCharacterException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Collectors;

/** Turns whatever Jackson refused into the field it concerns, the rule and a sentence for a person. */
public final class JsonProblems {

    /** The request body as a whole (trailing data, not JSON, empty). */
    public static final String BODY = "(body)";

    private JsonProblems() {
    }

    public static Problem.FieldError error(JsonProcessingException e) {
        String field = field(e);
        if (e instanceof NulCharacterException) {
            return new Problem.FieldError(field, "NoNulCharacter", NulCharacterException.MESSAGE);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem.FieldError(field, "UnknownField", "is not a field of this request");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return new Problem.FieldError(field, "DuplicateField", "appears more than once in the same object");
        }
        if (original.startsWith("Cannot map `null` into type")) {
            return new Problem.FieldError(field, "NotNull", "must not be null");
        }
        if (original.startsWith("Trailing token")) {
            return new Problem.FieldError(BODY, "TrailingData", "must be one JSON document with nothing after it");
        }
        if (original.startsWith("No content to map")) {
            return new Problem.FieldError(BODY, "Required", "a JSON body is required");
        }
        if (e instanceof InputCoercionException coercion) {
            return new Problem.FieldError(field, "Type", "is out of range"
                    + (coercion.getTargetType() == null ? "" : " for " + typeName(coercion.getTargetType())));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new Problem.FieldError(field, "Type", "must be one of " + Arrays.stream(
                    format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Problem.FieldError(field, "Type", "must be " + typeName(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException) {
            return new Problem.FieldError(field, "Type", original);
        }
        // Not well-formed: the document as a whole is at fault, wherever the parser stopped.
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return new Problem.FieldError(BODY, "JsonSyntax", "is not well-formed JSON" + where + ": " + original);
    }

    /** {@code hazards[0].deadline}; {@value #BODY} when the problem is not inside a field. */
    public static String field(JsonProcessingException e) {
        String field = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = fromReferences(mapping);
            // A parse error inside a nested object is wrapped with the path of that object only.
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (original.startsWith("Duplicate field '") && original.indexOf('\'', 17) > 17) {
                field = field + "." + original.substring(17, original.indexOf('\'', 17));
            }
        } else if (e instanceof StreamReadException read && read.getProcessor() != null) {
            field = fromContext(read.getProcessor().getParsingContext());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getProcessor() instanceof JsonParser parser) {
            field = fromContext(parser.getParsingContext());
        }
        return field.isEmpty() ? BODY : field;
    }

    private static String fromReferences(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String fromContext(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(c.getCurrentName());
            } else if (c.inArray()) {
                field.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            }
        }
        return field.toString();
    }

    static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == java.time.YearMonth.class) {
            return "a month (yyyy-MM)";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "a timestamp with an offset (RFC 3339, e.g. 2025-07-01T09:30:00+08:00)";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
