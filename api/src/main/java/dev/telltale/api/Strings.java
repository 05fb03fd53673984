package dev.telltale.api;

/** Bounded strings: how the model keeps every text it carries small. */
final class Strings {

    private Strings() {}

    /**
     * {@code text} cut to at most {@code maxChars} chars without splitting a surrogate pair. Copies
     * at most {@code maxChars} chars, however long {@code text} is; returns {@code text} itself when
     * it already fits.
     */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** A non-null, non-blank check with a message naming the component. */
    static String requireText(String value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
