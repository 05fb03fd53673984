package dev.telltale.store.chronicle.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * An {@link EventCursor} over a Chronicle tailer: reads one document per event and decodes it with
 * {@link EventLayout}. Chronicle's failures and undecodable events become {@link EventSourceException}s
 * naming the cycle file and index.
 *
 * <p>Not thread-safe: one thread at a time. Chronicle binds a tailer to the thread that uses it; each
 * call here rebinds it, so a cursor may be handed from thread to thread between calls.
 */
public final class TailerCursor implements EventCursor {

    private static final int INITIAL_BUFFER_BYTES = 1024;

    private final ExcerptTailer tailer;
    private final CycleFiles files;
    private final String name;
    private final ReaderPositions positions;
    private final QueueReader reader;
    /** Newest first: no stepping over damaged cycles, no end check. */
    private final boolean backward;
    /** Nothing is left to read, ever (every cycle file is damaged and skipped). */
    private boolean exhausted;

    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private long nextIndex;
    /** Events stamped before this are skipped, until the first one that is not. */
    private long skipBefore;

    private boolean closed;

    TailerCursor(
            ExcerptTailer tailer,
            CycleFiles files,
            long startIndex,
            long skipBefore,
            String name,
            ReaderPositions positions,
            QueueReader reader,
            boolean backward) {
        this.tailer = tailer;
        this.reader = reader;
        this.backward = backward;
        this.files = files;
        this.nextIndex = startIndex;
        this.skipBefore = skipBefore;
        this.name = name;
        this.positions = positions;
    }

    /** Makes this a cursor with nothing to read: every cycle file is damaged and skipped. */
    TailerCursor exhausted() {
        exhausted = true;
        return this;
    }

    /** Reads past every event there is now, so that only later ones are returned. */
    void skipToEnd() throws IOException {
        while (next() != null) {
            // skipped: the position "end" comes after them
        }
    }

    @Override
    public RecordedEvent next() throws IOException {
        requireOpen();
        if (exhausted) {
            return null;
        }
        tailer.singleThreadedCheckReset();
        while (true) {
            RecordedEvent next;
            try {
                next = readOne();
            } catch (EventSourceException unreadable) {
                if (backward) {
                    throw unreadable;
                }
                // Entering a damaged cycle that is to be skipped can fail rather than find nothing.
                int target = reader.jumpTarget(reader.cycleOf(nextIndex));
                if (target == QueueReader.NO_JUMP) {
                    throw unreadable;
                }
                if (target == QueueReader.AT_END || !jumpTo(target)) {
                    return null;
                }
                continue;
            }
            if (next == null) {
                if (backward) {
                    return null;
                }
                int target = reader.jumpTarget(reader.cycleOf(nextIndex));
                if (target != QueueReader.NO_JUMP && target != QueueReader.AT_END && jumpTo(target)) {
                    continue;
                }
                return null;
            }
            if (next.event().epochNanos() >= skipBefore) {
                skipBefore = Long.MIN_VALUE;
                return next;
            }
        }
    }

    @Override
    public long resumePosition() {
        return nextIndex;
    }

    /**
     * After {@link #next()} returned {@code null}: fails unless the cursor is in the newest cycle that
     * is not skipped, so a read that stops early (at a damaged file Chronicle cannot get past) is never
     * taken for the end.
     */
    @Override
    public void requireAtEnd() throws EventSourceException {
        requireOpenUnchecked();
        if (backward) {
            return;
        }
        int cycle = reader.cycleOf(nextIndex);
        int lastGood = reader.lastGoodCycle();
        if (lastGood != QueueReader.NO_JUMP && cycle < lastGood) {
            throw new EventSourceException(files.fileOf(cycle) + ": reading stopped at index " + hex(nextIndex)
                    + " although " + files.fileOf(lastGood) + " holds later events: a cycle file in between is "
                    + "damaged or cannot be read");
        }
    }

    @Override
    public void commit() throws IOException {
        requireOpen();
        if (name != null) {
            positions.write(name, nextIndex);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tailer.singleThreadedCheckReset();
            tailer.close();
        }
    }

    /** The next document's event, or {@code null} if there is none now; advances past it either way. */
    private RecordedEvent readOne() throws EventSourceException {
        long index = nextIndex;
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                return null;
            }
            index = document.index();
            Bytes<?> bytes = document.wire().bytes();
            long remaining = bytes.readRemaining();
            // Every text of an event is bounded: a larger length means a damaged header.
            if (remaining > EventLayout.MAX_EVENT_BYTES) {
                throw new EventFormatException(
                        "a document of " + remaining + " bytes is larger than any event (at most "
                                + EventLayout.MAX_EVENT_BYTES + "): the file is damaged");
            }
            int length = (int) remaining;
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            bytes.read(buffer, 0, length);
            DslEvent event = EventLayout.read(buffer, length);
            nextIndex = index + 1;
            return new RecordedEvent(index, event);
        } catch (EventFormatException e) {
            throw new EventSourceException(
                    files.fileOfIndex(index) + ": event at index " + hex(index) + ": " + e.getMessage(), e);
        } catch (Exception | InternalError e) {
            // Chronicle also throws checked exceptions it does not declare (a damaged file header gives a
            // StreamCorruptedException), and a mapped read past the end of a cut-short file faults into
            // an InternalError.
            throw new EventSourceException(
                    files.fileOf(tailer.cycle()) + ": cannot read the event at or after index " + hex(index) + ": " + e,
                    e);
        }
    }

    /** Moves to the first event of {@code cycle}, stepping over damaged cycles; whether it moved. */
    private boolean jumpTo(int cycle) throws EventSourceException {
        try {
            if (!tailer.moveToCycle(cycle)) {
                return false;
            }
        } catch (RuntimeException | InternalError e) {
            throw new EventSourceException(
                    files.fileOf(cycle) + ": cannot step past the damaged cycle file before it: " + e, e);
        }
        nextIndex = reader.firstIndexOf(cycle);
        return true;
    }

    private void requireOpenUnchecked() throws EventSourceException {
        if (closed) {
            throw new EventSourceException("cursor is closed");
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("cursor is closed");
        }
    }

    private static String hex(long index) {
        return "0x" + Long.toHexString(index);
    }
}
