package dev.telltale.store.postgres;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format, built in memory: columns separated by
 * tabs, rows ended by newlines, {@code \N} for null, and backslash, newline, carriage return and tab
 * inside a value escaped. Reused from batch to batch. One thread.
 */
final class CopyBuffer {

    private byte[] bytes = new byte[1 << 16];
    private int length;
    private int rows;
    private boolean rowStarted;

    /** Whatever is written here is escaped as one column's value (the JSON of a payload). */
    private final OutputStream escaping = new OutputStream() {
        @Override
        public void write(int b) {
            escapedByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                escapedByte(b[i]);
            }
        }
    };

    void clear() {
        length = 0;
        rows = 0;
        rowStarted = false;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Starts a column whose value is then written through {@link #escaped()}. */
    void startColumn() {
        separator();
    }

    /** A stream that writes into the column {@link #startColumn()} started, escaping as it goes. */
    OutputStream escaped() {
        return escaping;
    }

    CopyBuffer text(String value) {
        if (value == null) {
            return nul();
        }
        separator();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            escapedByte(b);
        }
        return this;
    }

    /** A value known to need no escaping (digits, a UUID, a timestamp). */
    CopyBuffer plain(String value) {
        if (value == null) {
            return nul();
        }
        separator();
        for (int i = 0, n = value.length(); i < n; i++) {
            put((byte) value.charAt(i));
        }
        return this;
    }

    CopyBuffer number(long value) {
        return plain(Long.toString(value));
    }

    CopyBuffer nul() {
        separator();
        put((byte) '\\');
        put((byte) 'N');
        return this;
    }

    void endRow() {
        put((byte) '\n');
        rows++;
        rowStarted = false;
    }

    private void separator() {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
    }

    private void escapedByte(byte b) {
        switch (b) {
            case '\\' -> {
                put((byte) '\\');
                put((byte) '\\');
            }
            case '\n' -> {
                put((byte) '\\');
                put((byte) 'n');
            }
            case '\r' -> {
                put((byte) '\\');
                put((byte) 'r');
            }
            case '\t' -> {
                put((byte) '\\');
                put((byte) 't');
            }
            default -> put(b);
        }
    }

    private void put(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }
}
