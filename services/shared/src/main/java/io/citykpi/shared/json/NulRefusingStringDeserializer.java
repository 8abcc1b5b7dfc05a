package io.citykpi.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * PostgreSQL cannot store U+0000 in text: without this a NUL in any JSON string reaches the
 * database and fails the request with a 500. Refused while reading instead, naming the field.
 */
final class NulRefusingStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new NulCharacterException(p, value);
        }
        return value;
    }
}
