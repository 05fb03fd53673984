package dev.telltale.store.jsonl;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.store.FileAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * An export's JSON Lines output file: appended to, one event per line.
 *
 * <p>A resumable export ({@link #resumable}) is exactly once. Its checkpoint, {@code FILE.NAME.checkpoint}
 * beside the output, says how long the output was after the last committed batch and holds a CRC-32
 * of the bytes just before that length; each batch is written, the output synced, then the checkpoint
 * replaced (written to a temporary file, synced, renamed, the directory synced). {@link #resume()}
 * takes the lock {@code FILE.NAME.lock} (a second export with the same name fails at once), checks
 * the checkpoint against the output (the output must be at least that long and end, there, with the
 * same bytes), and cuts the output back to it. An export that has never committed writes its first
 * checkpoint before any output, so an interruption even before the first batch cuts back to where it
 * started. One thread.
 */
public final class JsonlExportSink implements ExportSink {

    /** How many bytes before the checkpointed length the checkpoint's CRC covers, at most: {@value}. */
    static final int TAIL_BYTES = 4096;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final FileAccess access;
    private final Path file;
    private final String name;
    private final Path checkpointFile;
    private final Path lockFile;
    private FileChannel lockChannel;
    private FileLock lock;
    private JsonlEventStore output;

    private JsonlExportSink(Path file, String name, FileAccess access) {
        this.access = access;
        this.file = file.toAbsolutePath();
        this.name = name;
        this.checkpointFile = name == null ? null : siblingOf(this.file, name, ".checkpoint");
        this.lockFile = name == null ? null : siblingOf(this.file, name, ".lock");
    }

    /** Appends to {@code file}, with no checkpoint: not resumable. */
    public static JsonlExportSink appending(Path file) {
        return appending(file, FileAccess.OWNER);
    }

    /** Appends to {@code file}, with no checkpoint, creating what it creates with {@code access}. */
    public static JsonlExportSink appending(Path file, FileAccess access) {
        return new JsonlExportSink(file, null, access);
    }

    /**
     * Appends to {@code file} exactly once under {@code name} (letters, digits, '.', '_', '-').
     *
     * @throws IllegalArgumentException naming {@code name} when it has other characters
     */
    public static JsonlExportSink resumable(Path file, String name) {
        return resumable(file, name, FileAccess.OWNER);
    }

    /**
     * As {@link #resumable(Path, String)}, creating the output, its checkpoint and its lock with
     * {@code access}.
     */
    public static JsonlExportSink resumable(Path file, String name, FileAccess access) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "an export name is letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        return new JsonlExportSink(file, name, access);
    }

    /** The checkpoint file of the export {@code name} into {@code file}. */
    public static Path checkpointFileOf(Path file, String name) {
        return siblingOf(file.toAbsolutePath(), name, ".checkpoint");
    }

    @Override
    public ExportCheckpoint resume() throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            access.createDirectories(parent);
        }
        if (name == null) {
            output = JsonlEventStore.open(file, false, access);
            return ExportCheckpoint.START;
        }
        takeLock();
        Saved saved = Files.exists(checkpointFile) ? readCheckpoint() : null;
        if (saved == null) {
            long size = Files.exists(file) ? Files.size(file) : 0;
            saved = new Saved(ExportCheckpoint.START, size, tailCrc(size));
            writeCheckpoint(saved);
        } else {
            verify(saved);
            cutBack(saved.bytes);
        }
        output = JsonlEventStore.open(file, true, access);
        return saved.checkpoint;
    }

    @Override
    public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) throws IOException {
        if (output == null) {
            throw new IllegalStateException("resume() first");
        }
        try {
            if (!batch.isEmpty()) {
                output.append(batch);
            }
            output.flush();
        } catch (IOException e) {
            // "No space left on device" alone does not say where.
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (name != null) {
            long size = Files.size(file);
            writeCheckpoint(new Saved(checkpoint, size, tailCrc(size)));
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** Closes the output and releases the lock. Idempotent. */
    @Override
    public void close() throws IOException {
        try {
            if (output != null) {
                output.close();
                output = null;
            }
        } finally {
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
                lock = null;
            }
        }
    }

    private void takeLock() throws IOException {
        lockChannel = access.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IOException(file + ": another export named '" + name + "' is writing it now (its lock " + lockFile
                    + " is held); run one at a time");
        }
    }

    private void verify(Saved saved) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size < saved.bytes) {
            throw new IOException(
                    file + " is shorter (" + size + " bytes) than its checkpoint " + checkpointFile + " says ("
                            + saved.bytes
                            + " bytes): it was changed since; move it away, or remove the checkpoint to export again "
                            + "from the start");
        }
        if (saved.tailCrc >= 0 && tailCrc(saved.bytes) != saved.tailCrc) {
            throw new IOException(file + " does not hold what its checkpoint " + checkpointFile
                    + " describes (the bytes "
                    + "before offset " + saved.bytes + " differ): it was changed since; move it away, or remove the "
                    + "checkpoint to export again from the start");
        }
    }

    private void cutBack(long bytes) throws IOException {
        if (Files.exists(file) && Files.size(file) > bytes) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(bytes);
                raf.getFD().sync();
            }
        }
    }

    /** CRC-32 of the (at most {@value #TAIL_BYTES}) bytes before {@code length}; 0 for an empty prefix. */
    private long tailCrc(long length) throws IOException {
        CRC32 crc = new CRC32();
        int count = (int) Math.min(TAIL_BYTES, length);
        if (count > 0) {
            byte[] tail = new byte[count];
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(length - count);
                raf.readFully(tail);
            }
            crc.update(tail);
        }
        return crc.getValue();
    }

    private Saved readCheckpoint() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(checkpointFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
            // Older checkpoints called the position last-index and had no CRC.
            String position = properties.getProperty("last-position", properties.getProperty("last-index"));
            long lastPosition = position == null || position.equals("none")
                    ? ExportCheckpoint.NOTHING_YET
                    : Long.parseLong(position);
            long exported = Long.parseLong(properties.getProperty("exported"));
            long bytes = Long.parseLong(properties.getProperty("bytes"));
            String crc = properties.getProperty("tail-crc32");
            return new Saved(
                    new ExportCheckpoint(lastPosition, exported), bytes, crc == null ? -1 : Long.parseLong(crc));
        } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
            // Found by CheckpointFuzzTest: bytes that are not UTF-8 failed with "Input length = 1".
            throw new IOException(
                    checkpointFile + ": not a valid export checkpoint; remove it to start the export over", e);
        }
    }

    private void writeCheckpoint(Saved saved) throws IOException {
        Path temporary = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
        String text = "last-position="
                + (saved.checkpoint.hasPosition() ? Long.toString(saved.checkpoint.lastPosition()) : "none")
                + "\nexported=" + saved.checkpoint.exported() + "\nbytes=" + saved.bytes + "\ntail-crc32="
                + saved.tailCrc + "\n";
        try (FileChannel channel = access.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temporary, checkpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    checkpointFile + ": the file system cannot replace a file atomically, which an exactly-once "
                            + "export needs",
                    e);
        }
        syncDirectory(checkpointFile.getParent());
    }

    /** Makes the rename durable; where a directory cannot be opened for syncing (not Linux), the rename is as durable as the OS makes it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Best effort beyond Linux.
        }
    }

    private static Path siblingOf(Path file, String name, String suffix) {
        return file.resolveSibling(file.getFileName() + "." + name + suffix);
    }

    /** A checkpoint as the file keeps it. */
    private record Saved(ExportCheckpoint checkpoint, long bytes, long tailCrc) {}
}
