package dev.telltale.store.jsonl;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.FileAccess;
import dev.telltale.api.store.StoreAppendException;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends events to a JSON Lines file (see {@link EventJson}). Only the drain thread calls
 * {@link #append}, {@link #flush} and {@link #close}; the store does no locking. One store, in one
 * process, writes a file at a time.
 *
 * <p>Design. {@link #append} encodes the whole batch into memory with one long-lived {@link EventJsonWriter},
 * then hands it to the operating system in one write. So after {@code append} returns, the batch
 * survives the death of the JVM; {@link #flush} only adds {@code fsync} when asked for, which makes it
 * survive the death of the machine. If the write fails, the file is cut back to its length before the
 * batch, so a failed batch leaves nothing behind and the drain can count it as lost; if even that
 * fails, the next batch starts on a new line, so the failed one's torn tail spoils no other line.
 *
 * <p>A file that already exists is appended to. If it ends with a torn line (a crash in mid-write),
 * the first batch starts with a line break, so that line stays the only bad one.
 *
 * <p>NOTE: the file is written through a {@link FileOutputStream} and synced through its
 * {@link java.io.FileDescriptor}, not through a {@link java.nio.channels.FileChannel}: an interrupt of
 * the drain thread would close a channel, and with it the store, for good.
 */
public final class JsonlEventStore implements EventStore {

    private static final int INITIAL_BATCH_BYTES = 16 * 1024;

    private final Path file;
    private final FileAccess access;
    /** The file, for its existence: {@code java.io.File}'s check allocates nothing. */
    private final java.io.File fileHandle;

    private FileOutputStream out;
    private final boolean fsync;
    private final ByteArrayOutputStream batchBytes = new ByteArrayOutputStream(INITIAL_BATCH_BYTES);
    private EventJsonWriter encoder;
    /** The file's length as this store wrote it: where a failed batch is cut back to. */
    private long length;
    /** The file may end inside a line, so the next batch must start with a line break. */
    private boolean lineBreakOwed;
    /** The file was found deleted under the process: the next append creates it again. */
    private boolean vanished;

    private boolean closed;

    JsonlEventStore(Path file, FileOutputStream out, boolean fsync, FileAccess access) throws IOException {
        this.file = file;
        this.access = access;
        this.fileHandle = file.toFile();
        this.out = out;
        this.fsync = fsync;
        try (RandomAccessFile existing = new RandomAccessFile(file.toFile(), "r")) {
            this.length = existing.length();
            this.lineBreakOwed = length > 0 && lastByte(existing) != '\n';
        }
        this.encoder = new EventJsonWriter(batchBytes);
    }

    /**
     * Opens {@code file} for appending, creating it and its parent directories if needed.
     *
     * @param fsync whether {@link #flush} also forces the written bytes to the storage device
     */
    public static JsonlEventStore open(Path file, boolean fsync) throws IOException {
        return open(file, fsync, FileAccess.OWNER);
    }

    /**
     * Opens {@code file} for appending, creating it and its missing parent directories, with
     * {@code access} (the file {@code 0600}, directories {@code 0700} by default, whatever the umask;
     * never through a symbolic link).
     *
     * @param fsync whether {@link #flush} also forces the written bytes to the storage device
     */
    public static JsonlEventStore open(Path file, boolean fsync, FileAccess access) throws IOException {
        Path absolute = file.toAbsolutePath();
        FileOutputStream out = openForAppend(absolute, access);
        try {
            return new JsonlEventStore(absolute, out, fsync, access);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(out, e);
            throw e;
        }
    }

    private static FileOutputStream openForAppend(Path absolute, FileAccess access) throws IOException {
        Path parent = absolute.getParent();
        if (parent != null) {
            access.createDirectories(parent);
        }
        access.createFile(absolute);
        return new FileOutputStream(absolute.toFile(), true);
    }

    /** The file this store appends to, as an absolute path. */
    public Path file() {
        return file;
    }

    /**
     * Writes the batch to the file, one line per event, in one write; see the class comment on failure.
     * If the file was deleted under the process, the batch just written to it is reported lost
     * ({@link StoreAppendException} with nothing appended) and the next append creates the file again.
     */
    @Override
    public void append(List<DslEvent> batch) throws IOException {
        requireOpen();
        if (batch.isEmpty()) {
            return;
        }
        if (vanished) {
            recreate();
        }
        encode(batch);
        writeBatchBytes();
        if (!fileHandle.exists()) {
            vanished = true;
            throw new StoreAppendException(
                    "jsonl " + file + ": the file was deleted under this process; the " + batch.size()
                            + " events just written to it are lost, and the file is created again",
                    0,
                    null);
        }
    }

    private void recreate() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            // The file it wrote is gone; closing only releases the descriptor.
        }
        out = openForAppend(file, access);
        length = fileHandle.length();
        lineBreakOwed = false;
        vanished = false;
    }

    /**
     * With {@code fsync=true}, forces what was appended to the storage device. Otherwise there is nothing
     * to do: {@link #append} has already handed every batch to the operating system.
     */
    @Override
    public void flush() throws IOException {
        requireOpen();
        sync(out);
    }

    /** Syncs as {@link #flush} does, then closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileOutputStream stream = out) {
            encoder.close();
            sync(stream);
        }
    }

    /** {@code jsonl} and the file's absolute path. */
    @Override
    public String describe() {
        return "jsonl " + file;
    }

    private void encode(List<DslEvent> batch) throws IOException {
        try {
            if (lineBreakOwed) {
                encoder.lineBreak();
            }
            for (DslEvent event : batch) {
                encoder.writeLine(event);
            }
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // The encoder may be left inside an object: start over with a fresh one.
            discardEncoded(e);
            throw e;
        }
    }

    private void discardEncoded(Exception failure) {
        try {
            encoder.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        batchBytes.reset();
        try {
            encoder = new EventJsonWriter(batchBytes);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void writeBatchBytes() throws IOException {
        try {
            batchBytes.writeTo(out);
            length += batchBytes.size();
            lineBreakOwed = false;
        } catch (IOException e) {
            cutBackAfterFailedWrite(e);
            throw e;
        } finally {
            batchBytes.reset();
        }
    }

    private void cutBackAfterFailedWrite(IOException failure) {
        try (RandomAccessFile torn = new RandomAccessFile(file.toFile(), "rw")) {
            torn.setLength(length);
        } catch (IOException e) {
            failure.addSuppressed(e);
            lineBreakOwed = true;
        }
    }

    private void sync(FileOutputStream stream) throws IOException {
        if (fsync) {
            stream.getFD().sync();
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("store is closed: " + describe());
        }
    }

    private static int lastByte(RandomAccessFile file) throws IOException {
        file.seek(file.length() - 1);
        return file.read();
    }

    private static void closeAfterFailure(FileOutputStream out, Exception failure) {
        try {
            out.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
