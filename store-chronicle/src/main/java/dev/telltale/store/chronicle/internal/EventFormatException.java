package dev.telltale.store.chronicle.internal;

/**
 * An event's bytes are not a valid event of a layout this reader knows. The message says what is wrong
 * and is one line; the caller adds where (file, index).
 */
public final class EventFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code reason}, such as {@code unknown layout version 7}. */
    public EventFormatException(String reason) {
        super(oneLine(reason));
    }

    /** A problem described by {@code reason}, found through {@code cause}. */
    public EventFormatException(String reason, Throwable cause) {
        super(oneLine(reason), cause);
    }

    /**
     * The reason with every control character written as a visible escape ({@code \u000a}): it may
     * quote a damaged file's text (found by EventLayoutFuzzTest: a session source holding a newline).
     */
    private static String oneLine(String reason) {
        StringBuilder line = new StringBuilder(reason.length());
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }
}
