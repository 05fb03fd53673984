package dev.telltale.report;

/** Cutting untrusted text for the page. */
final class Texts {

    /** The most chars of one session entry's content the page keeps: {@value}. */
    static final int MAX_CONTENT_CHARS = 2000;

    private Texts() {}

    /**
     * {@code text} cut to at most {@code max} chars, never between the two halves of a surrogate pair,
     * with {@code …} after a cut (within the limit).
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + '\u2026';
    }
}
