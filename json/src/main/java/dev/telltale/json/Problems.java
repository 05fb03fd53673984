package dev.telltale.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;

/**
 * One-line, bounded descriptions of what is wrong with a line. Input a message repeats is quoted,
 * escaped and cut, so a hostile file can neither flood a log nor break it into several lines.
 */
final class Problems {

    /** The most chars of the input a message repeats. */
    private static final int MAX_QUOTED_CHARS = 64;

    /** The most chars of a parser message a message repeats. */
    private static final int MAX_PARSER_MESSAGE_CHARS = 300;

    private Problems() {}

    /** {@code text} as a JSON string literal, cut to {@value #MAX_QUOTED_CHARS} chars. */
    static String quote(String text) {
        boolean cut = text.length() > MAX_QUOTED_CHARS;
        String shown = cut ? text.substring(0, MAX_QUOTED_CHARS) : text;
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + '"' + (cut ? "..." : "");
    }

    /** What a token is, for "got …" in a message. */
    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /**
     * What the parser found wrong, without its multi-line location block.
     *
     * @param endedEarly the input ended inside the object: likely a torn write, whatever the parser says
     */
    static String ofParser(IOException parserFailure, boolean endedEarly) {
        if (endedEarly) {
            return "incomplete JSON object: the line ends early (a torn write?)";
        }
        if (parserFailure instanceof JsonProcessingException jackson) {
            JsonLocation location = jackson.getLocation();
            String where = location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
            return "malformed JSON: " + oneLine(jackson.getOriginalMessage()) + where;
        }
        return "malformed JSON: " + oneLine(parserFailure.getMessage());
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String flat = message.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() <= MAX_PARSER_MESSAGE_CHARS ? flat : flat.substring(0, MAX_PARSER_MESSAGE_CHARS) + "...";
    }
}
