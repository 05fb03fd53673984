package dev.telltale.cli;

/**
 * Event content made safe for a terminal or a log: every character that could move the cursor,
 * clear the screen, retitle the window, ring the bell, end the line, reorder the text around it or
 * be mis-decoded is written as a visible escape ({@code ESC} as {@code \u001b}), and the backslash as
 * {@code \\}, so one event is always exactly one line and the escapes cannot be confused with text.
 * Stateless.
 */
final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {}

    /** {@code text} with every unsafe character escaped; the same string when nothing needs it. */
    static String of(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                safe.append("\\\\");
            } else if (isUnsafe(text, i)) {
                safe.append("\\u")
                        .append(HEX[c >> 12 & 0xf])
                        .append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\' || isUnsafe(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Control characters (C0, DEL, C1), the Unicode line and paragraph separators, the bidirectional
     * embedding, override and isolate marks ("Trojan Source"), and a surrogate without its pair.
     */
    private static boolean isUnsafe(String text, int i) {
        char c = text.charAt(i);
        if (Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
