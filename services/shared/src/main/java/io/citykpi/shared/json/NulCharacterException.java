package io.citykpi.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON string held the NUL character (U+0000), which no text field accepts. */
public class NulCharacterException extends InvalidFormatException {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    NulCharacterException(JsonParser parser, String value) {
        super(parser, MESSAGE, value, String.class);
    }
}
