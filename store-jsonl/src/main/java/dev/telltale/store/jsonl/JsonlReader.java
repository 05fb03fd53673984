package dev.telltale.store.jsonl;

import dev.telltale.api.DslEvent;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the events of a JSON Lines file (see {@link EventJson}) in file order, one line at a time.
 * Blank lines are ignored. A line that is not a valid event (corrupt, torn by a crash, longer than
 * {@value #MAX_LINE_BYTES} bytes, of a newer schema version) either fails the read with a
 * {@link EventJsonException} such as {@code events.jsonl:17: missing field 'verb'}, or is skipped
 * and counted, as the {@link BadLinePolicy} says.
 *
 * <p>Not thread-safe: one thread at a time.
 */
public final class JsonlReader implements Closeable {

    /**
     * The longest line read, in bytes: {@value}. A command or session event is a few kilobytes at most;
     * the longest line a writer writes is a session entry whose content, at most
     * {@value dev.telltale.api.EventPayload#MAX_CONTENT_LENGTH} chars, is all control characters or lone
     * surrogates, each escaped in 6 bytes: 6 MiB and a few kilobytes.
     */
    public static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final String source;
    private final LineReader lines;
    private final BadLinePolicy policy;
    private long skippedLines;
    private EventJsonException firstSkipped;
    private boolean closed;

    private JsonlReader(String source, LineReader lines, BadLinePolicy policy) {
        this.source = source;
        this.lines = lines;
        this.policy = policy;
    }

    /** Opens {@code file} for reading from its start. */
    public static JsonlReader open(Path file, BadLinePolicy policy) throws IOException {
        Objects.requireNonNull(policy, "policy");
        return new JsonlReader(file.toString(), new LineReader(Files.newInputStream(file), MAX_LINE_BYTES), policy);
    }

    /**
     * Opens {@code file}, which a writer may still be appending to, for following: {@link #read()}
     * returns {@code null} at the end of what is written so far and, called again later, what was
     * appended meanwhile; a line is returned only once its newline is written.
     */
    public static JsonlReader openFollowing(Path file, BadLinePolicy policy) throws IOException {
        Objects.requireNonNull(policy, "policy");
        return new JsonlReader(
                file.toString(), new LineReader(Files.newInputStream(file), MAX_LINE_BYTES, true), policy);
    }

    /** The 1-based line number of the event {@link #read()} returned last (0 before the first). */
    public long lineNumber() {
        return lines.lineNumber();
    }

    /**
     * The next event, or {@code null} at the end of the file. Under {@link BadLinePolicy#FAIL}, a bad
     * line throws; calling again goes on with the line after it.
     *
     * @throws EventJsonException for a bad line under {@link BadLinePolicy#FAIL}, naming the file and line
     * @throws IOException if the file cannot be read
     */
    public DslEvent read() throws IOException {
        if (closed) {
            throw new IOException("reader is closed: " + source);
        }
        while (lines.nextLine()) {
            if (lines.isBlank()) {
                continue;
            }
            try {
                return decodeLine();
            } catch (EventJsonException bad) {
                EventJsonException located = bad.at(source, lines.lineNumber());
                if (policy == BadLinePolicy.FAIL) {
                    throw located;
                }
                skippedLines++;
                if (firstSkipped == null) {
                    firstSkipped = located;
                }
            }
        }
        return null;
    }

    /**
     * The rest of the events, read lazily; closing the stream closes this reader. Errors reach the
     * stream's consumer as an {@link UncheckedIOException} whose cause is the {@link IOException}
     * {@link #read()} throws, a {@link EventJsonException} for a bad line.
     */
    public Stream<DslEvent> events() {
        Spliterator<DslEvent> events =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    @Override
                    public boolean tryAdvance(Consumer<? super DslEvent> action) {
                        DslEvent event = readUnchecked();
                        if (event == null) {
                            return false;
                        }
                        action.accept(event);
                        return true;
                    }
                };
        return StreamSupport.stream(events, false).onClose(this::closeUnchecked);
    }

    /** How many bad lines {@link BadLinePolicy#SKIP} has skipped so far. */
    public long skippedLines() {
        return skippedLines;
    }

    /** The first bad line skipped, naming its file, line and problem; empty if none was. */
    public Optional<EventJsonException> firstSkipped() {
        return Optional.ofNullable(firstSkipped);
    }

    /** Closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            lines.close();
        }
    }

    private DslEvent decodeLine() throws EventJsonException {
        if (lines.tooLong()) {
            throw new EventJsonException("line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        return EventJson.decode(lines.buffer(), lines.start(), lines.length());
    }

    private DslEvent readUnchecked() {
        try {
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private void closeUnchecked() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
