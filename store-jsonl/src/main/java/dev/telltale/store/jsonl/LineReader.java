package dev.telltale.store.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code '\n'}, without decoding them, so the JSON parser checks
 * the UTF-8 of each line on its own. Holds at most {@code maxLineLength + 1} bytes of a line: a longer
 * line is read to its end, dropped and reported as {@linkplain #tooLong() too long}, so a file with no
 * line breaks cannot exhaust memory. The last line may lack its {@code '\n'}. One thread at a time.
 */
final class LineReader implements Closeable {

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final InputStream in;
    private final int maxLineLength;
    private byte[] buffer;
    /** Where the next line starts. */
    private int next;
    /** The end of what has been read into the buffer. */
    private int limit;

    private boolean endOfInput;
    /** At the end of the input, keep an unfinished line for later, when the rest of it is written. */
    private final boolean following;

    private int start;
    private int end;
    private boolean tooLong;
    private long lineNumber;

    LineReader(InputStream in, int maxLineLength) {
        this(in, maxLineLength, false);
    }

    /**
     * @param following whether the input may grow (a file being appended to): then the end of the input
     *     is only the end for now, and an unfinished last line is not returned until its newline arrives
     */
    LineReader(InputStream in, int maxLineLength, boolean following) {
        if (maxLineLength < 1 || maxLineLength > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                    "maxLineLength must lie in 1.." + Integer.MAX_VALUE / 2 + ", got " + maxLineLength);
        }
        this.in = in;
        this.maxLineLength = maxLineLength;
        this.following = following;
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxLineLength + 1)];
    }

    /** Moves to the next line; {@code false} at the end of the input. */
    boolean nextLine() throws IOException {
        boolean dropped = false;
        int scanFrom = next;
        while (true) {
            int newline = indexOfNewline(scanFrom);
            if (newline >= 0) {
                return found(newline, newline + 1, dropped);
            }
            if (endOfInput) {
                if (following) {
                    // Nothing more for now; the unfinished line stays in the buffer for the next call.
                    endOfInput = false;
                    return false;
                }
                return (next < limit || dropped) && found(limit, limit, dropped);
            }
            if (limit - next > maxLineLength) {
                dropped = true;
                next = limit;
            }
            int scanned = limit - next;
            makeRoom();
            scanFrom = next + scanned;
            fill();
        }
    }

    /** The bytes of the current line, from {@link #start()} for {@link #length()} bytes; without the {@code '\n'}. */
    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int length() {
        return end - start;
    }

    /** The current line was longer than the maximum; its bytes are not available. */
    boolean tooLong() {
        return tooLong;
    }

    /** The 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** The current line holds only spaces, tabs and carriage returns, or nothing. */
    boolean isBlank() {
        if (tooLong) {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean found(int lineEnd, int nextLine, boolean dropped) {
        start = next;
        end = lineEnd;
        tooLong = dropped || lineEnd - start > maxLineLength;
        next = nextLine;
        lineNumber++;
        return true;
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unfinished line to the front, and grows the buffer if it is full. */
    private void makeRoom() {
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, limit - next);
            limit -= next;
            next = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(2 * buffer.length, maxLineLength + 1));
        }
    }

    private void fill() throws IOException {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
        } else {
            limit += read;
        }
    }
}
