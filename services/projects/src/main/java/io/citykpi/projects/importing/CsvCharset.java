package io.citykpi.projects.importing;

import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of an uploaded spreadsheet into text without losing a character. Offices save CSV
 * from Excel as UTF-8 (with a byte-order mark) or, on Chinese Windows, as GBK: a declared charset is
 * honoured; without one, a byte-order mark decides, then UTF-8 is tried and then GB18030 (a superset
 * of GBK and GB2312). Bytes that are not valid in the charset are refused, never replaced by U+FFFD.
 */
final class CsvCharset {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvCharset() {
    }

    /** @param declared the {@code charset} parameter of the Content-Type, or null */
    static String decode(byte[] bytes, String declared) {
        String text;
        if (declared != null) {
            Charset charset = charset(declared);
            text = strictly(bytes, charset).orElseThrow(() -> InvalidFieldsException.of("(body)", "Encoding",
                    "is not valid " + charset.name() + " as its Content-Type declares; save the file as UTF-8 or "
                            + "declare the charset it was saved in"));
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strictly(bytes, StandardCharsets.UTF_8).orElseThrow(() -> notValid("is not valid UTF-8 although it starts "
                    + "with a UTF-8 byte-order mark"));
        } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            text = strictly(bytes, StandardCharsets.UTF_16).orElseThrow(() -> notValid("is not valid UTF-16 although it starts with a byte-order mark"));
        } else {
            text = strictly(bytes, StandardCharsets.UTF_8)
                    .or(() -> strictly(bytes, GB18030))
                    .orElseThrow(() -> notValid("is neither UTF-8 nor GB18030/GBK"));
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        refuse(text, '\uFFFD', "NoReplacementCharacter", "holds U+FFFD, a character already lost when the file "
                + "was converted; correct it in the spreadsheet and save it again");
        refuse(text, '\u0000', "NoNulCharacter", "must not contain the NUL character (U+0000)");
        return text;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "unsupported-charset", "Unsupported Media Type", "charset " + name
                    + " is not known; send UTF-8, GB18030 or GBK", Map.of("supported", "UTF-8, GB18030, GBK"));
        }
    }

    private static Optional<String> strictly(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void refuse(String text, char c, String rule, String message) {
        int at = text.indexOf(c);
        if (at >= 0) {
            int line = 1 + (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count();
            throw InvalidFieldsException.of("rows[" + line + "]", rule, message);
        }
    }

    private static InvalidFieldsException notValid(String what) {
        return InvalidFieldsException.of("(body)", "Encoding", what
                + "; save the file as UTF-8 (or GBK) or declare its charset in the Content-Type");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
