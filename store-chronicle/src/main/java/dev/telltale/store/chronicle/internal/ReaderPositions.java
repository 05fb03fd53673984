package dev.telltale.store.chronicle.internal;

import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.store.FileAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The committed positions of named readers: one small text file per name, {@code readers/NAME.position}
 * in the queue directory, holding the Chronicle index to resume at as one line such as
 * {@code 0x6b09132500000002}. A position is written to a temporary file, forced to the device, renamed
 * over the old one and the directory forced, so a crash leaves the old position or the new one, never
 * a torn one. Retention reads these files to keep what a reader has not passed.
 *
 * <p>Stateless apart from the directory; any thread. Two processes committing the same name at once
 * each leave a whole position, the later one winning; run one reader per name at a time.
 */
public final class ReaderPositions {

    /** The directory, inside the queue directory, that holds the positions: {@value}. */
    public static final String DIR = "readers";

    /** The suffix of a position file: {@value}. */
    public static final String SUFFIX = ".position";

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path dir;

    /** The positions kept in {@code queueDir}. */
    public ReaderPositions(Path queueDir) {
        this.dir = queueDir.resolve(DIR);
    }

    /**
     * {@code name}, if it can name a reader.
     *
     * @throws IllegalArgumentException naming it unless it is made of letters, digits, '.', '_' and '-' only
     */
    public static String requireValidName(String name) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "reader name must be letters, digits, '.', '_' or '-' ([A-Za-z0-9._-]+), got "
                            + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    /** The file that holds {@code name}'s position. */
    public Path fileOf(String name) {
        return dir.resolve(requireValidName(name) + SUFFIX);
    }

    /**
     * {@code name}'s committed position, or empty if it has none.
     *
     * @throws EventSourceException naming the file if it cannot be read or holds no index
     */
    public OptionalLong read(String name) throws EventSourceException {
        Path file = fileOf(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new EventSourceException(file + ": cannot read the reader position: " + e.getMessage(), e);
        }
        return OptionalLong.of(parse(file, text));
    }

    /**
     * Every named reader's committed position, by name.
     *
     * @throws EventSourceException naming the file of the first position that cannot be read
     */
    public Map<String, Long> readAll() throws EventSourceException {
        Map<String, Long> positions = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return positions;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                try {
                    positions.put(name, parse(file, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (NoSuchFileException removedMeanwhile) {
                    // a reader's position removed while listing holds nothing back
                }
            }
        } catch (EventSourceException e) {
            throw e;
        } catch (IOException e) {
            throw new EventSourceException(dir + ": cannot read the reader positions: " + e.getMessage(), e);
        }
        return positions;
    }

    /**
     * Commits {@code index} as {@code name}'s position, durably: write a temporary file, force it,
     * rename it over the position, force the directory.
     */
    public void write(String name, long index) throws IOException {
        Path file = fileOf(name);
        // Owner-only: readers' positions say how far each export got.
        FileAccess.OWNER.createDirectories(dir);
        Path temporary = dir.resolve(file.getFileName() + ".tmp");
        byte[] text = String.format(Locale.ROOT, "0x%016x%n", index).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileAccess.OWNER.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(text);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** Removes {@code name}'s position, durably; returns whether it had one. */
    public boolean delete(String name) throws IOException {
        boolean deleted = Files.deleteIfExists(fileOf(name));
        if (deleted) {
            forceDirectory();
        }
        return deleted;
    }

    private void forceDirectory() throws IOException {
        // NOTE: makes the rename durable. Windows cannot open a directory as a channel (and its rename is
        // durable once it returns), so there is nothing to force there.
        if (!WINDOWS) {
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
    }

    private static long parse(Path file, String text) throws EventSourceException {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("0x")) {
                return requireNonNegative(Long.parseLong(trimmed.substring(2), 16));
            }
            return requireNonNegative(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
            String shown = trimmed.length() > 40 ? trimmed.substring(0, 40) + "..." : trimmed;
            throw new EventSourceException(
                    file + ": not a reader position (expected an index such as 0x6b09132500000002, got '"
                            + shown.replaceAll("\\p{Cntrl}", "?") + "')",
                    e);
        }
    }

    private static long requireNonNegative(long index) {
        if (index < 0) {
            throw new NumberFormatException("negative index " + index);
        }
        return index;
    }
}
