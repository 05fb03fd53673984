package dev.telltale.store.chronicle.internal;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Text as WTF-8: UTF-8 for every valid string, and a lone surrogate (which UTF-8 cannot carry) as the
 * three bytes UTF-8 would give its code unit. So any Java string, however hostile, comes back exactly
 * as it was written, and a valid one is plain UTF-8 that any tool can read. Stateless; any thread.
 */
public final class Wtf8 {

    private Wtf8() {}

    /** How many bytes {@link #write} writes for {@code text}. */
    public static int encodedLength(String text) {
        int length = 0;
        int size = text.length();
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (isPairAt(text, i)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** {@code text} encoded into a new array; for values that are cached, not for each event. */
    public static byte[] encode(String text) {
        byte[] encoded = new byte[encodedLength(text)];
        int at = 0;
        int size = text.length();
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                encoded[at++] = (byte) c;
            } else if (c < 0x800) {
                encoded[at++] = (byte) (0xC0 | c >> 6);
                encoded[at++] = (byte) (0x80 | c & 0x3F);
            } else if (isPairAt(text, i)) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                encoded[at++] = (byte) (0xF0 | codePoint >> 18);
                encoded[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                encoded[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                encoded[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                encoded[at++] = (byte) (0xE0 | c >> 12);
                encoded[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                encoded[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return encoded;
    }

    /** Writes {@code text}'s {@link #encodedLength} bytes straight into {@code out}, allocating nothing. */
    public static void write(Bytes<?> out, String text) {
        int size = text.length();
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.writeByte((byte) c);
            } else if (c < 0x800) {
                out.writeByte((byte) (0xC0 | c >> 6));
                out.writeByte((byte) (0x80 | c & 0x3F));
            } else if (isPairAt(text, i)) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out.writeByte((byte) (0xF0 | codePoint >> 18));
                out.writeByte((byte) (0x80 | codePoint >> 12 & 0x3F));
                out.writeByte((byte) (0x80 | codePoint >> 6 & 0x3F));
                out.writeByte((byte) (0x80 | codePoint & 0x3F));
            } else {
                out.writeByte((byte) (0xE0 | c >> 12));
                out.writeByte((byte) (0x80 | c >> 6 & 0x3F));
                out.writeByte((byte) (0x80 | c & 0x3F));
            }
        }
    }

    /**
     * The text {@code length} bytes at {@code offset} encode.
     *
     * @throws EventFormatException naming the first byte that is not WTF-8 (a stray continuation byte,
     *     a truncated or overlong sequence, a code point past U+10FFFF)
     */
    public static String decode(byte[] bytes, int offset, int length) throws EventFormatException {
        int end = offset + length;
        int ascii = offset;
        while (ascii < end && bytes[ascii] >= 0) {
            ascii++;
        }
        if (ascii == end) {
            // Most text (verbs, sources, ids) is ASCII: one bulk copy into a compact string.
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(length);
        int at = offset;
        while (at < end) {
            int first = bytes[at] & 0xFF;
            if (first < 0x80) {
                text.append((char) first);
                at++;
            } else if (first >= 0xC2 && first < 0xE0) {
                text.append((char) ((first & 0x1F) << 6 | continuation(bytes, at, 1, end)));
                at += 2;
            } else if (first >= 0xE0 && first < 0xF0) {
                int value =
                        (first & 0x0F) << 12 | continuation(bytes, at, 1, end) << 6 | continuation(bytes, at, 2, end);
                if (value < 0x800) {
                    throw invalid(at - offset, first);
                }
                text.append((char) value);
                at += 3;
            } else if (first >= 0xF0 && first < 0xF5) {
                int codePoint = (first & 0x07) << 18
                        | continuation(bytes, at, 1, end) << 12
                        | continuation(bytes, at, 2, end) << 6
                        | continuation(bytes, at, 3, end);
                if (codePoint < 0x10000 || codePoint > Character.MAX_CODE_POINT) {
                    throw invalid(at - offset, first);
                }
                text.appendCodePoint(codePoint);
                at += 4;
            } else {
                throw invalid(at - offset, first);
            }
        }
        return text.toString();
    }

    private static boolean isPairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static int continuation(byte[] bytes, int start, int n, int end) throws EventFormatException {
        int at = start + n;
        if (at >= end || (bytes[at] & 0xC0) != 0x80) {
            throw new EventFormatException("text is not WTF-8: sequence at byte " + start + " is cut short");
        }
        return bytes[at] & 0x3F;
    }

    private static EventFormatException invalid(int position, int first) {
        return new EventFormatException("text is not WTF-8: byte " + position + " (0x" + Integer.toHexString(first)
                + ") starts no valid sequence");
    }
}
