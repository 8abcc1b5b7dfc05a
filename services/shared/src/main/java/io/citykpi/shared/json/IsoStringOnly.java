package io.citykpi.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * The java.time deserializers also read epoch numbers ({@code 20230110} became year 57358), arrays
 * ({@code [2025,1,10]}) and {@code ""} (as null): a business date is accepted only as an ISO-8601 string.
 */
final class IsoStringOnly<T> extends StdDeserializer<T> {

    private final JsonDeserializer<T> iso;

    IsoStringOnly(Class<T> type, JsonDeserializer<T> iso) {
        super(type);
        this.iso = iso;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING) || p.getText().isBlank()) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p.currentToken(), p,
                    "must be an ISO-8601 string");
        }
        return iso.deserialize(p, ctxt);
    }
}
