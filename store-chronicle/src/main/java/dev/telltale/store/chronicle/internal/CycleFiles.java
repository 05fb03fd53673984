package dev.telltale.store.chronicle.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * Chronicle's roll cycles by name, and the cycle files of a queue directory: which cycle a file holds
 * and which file holds a cycle. A cycle file is named by the UTC start of its cycle in its roll cycle's
 * format, such as {@code 20261127-04F.cq4} for the {@code FAST_HOURLY} cycle starting at 04:00.
 * Immutable; any thread.
 */
public final class CycleFiles {

    /** The suffix of a Chronicle cycle file: {@value}. */
    public static final String SUFFIX = ".cq4";

    private final Path dir;
    private final RollCycle rollCycle;
    private final long epochMillis;
    private final DateTimeFormatter format;

    /**
     * The cycle files of {@code dir} under {@code rollCycle}.
     *
     * @param epochMillis the queue's epoch (Chronicle's default 0): when cycle 0 starts
     */
    public CycleFiles(Path dir, RollCycle rollCycle, long epochMillis) {
        this.dir = dir;
        this.rollCycle = rollCycle;
        this.epochMillis = epochMillis;
        this.format = formatOf(rollCycle);
    }

    /**
     * The roll cycle with this constant name, such as {@code FAST_HOURLY}: any of Chronicle's
     * ({@code RollCycles} and its large, sparse, legacy and test families).
     *
     * @throws IllegalArgumentException naming the value and the usual choices when no roll cycle has that name
     */
    public static RollCycle rollCycleNamed(String name) {
        for (RollCycle rollCycle : RollCycles.all()) {
            if (((Enum<?>) rollCycle).name().equals(name)) {
                return rollCycle;
            }
        }
        StringJoiner choices = new StringJoiner(", ");
        for (RollCycles rollCycle : RollCycles.values()) {
            choices.add(rollCycle.name());
        }
        throw new IllegalArgumentException(
                "expected a Chronicle roll cycle such as " + choices + ", got '" + name + "'");
    }

    /** The name of a roll cycle, such as {@code FAST_HOURLY}. */
    public static String nameOf(RollCycle rollCycle) {
        return ((Enum<?>) rollCycle).name();
    }

    /** The roll cycle whose file names {@code fileName} (with its {@value #SUFFIX}) follows, if any does. */
    public static Optional<RollCycle> rollCycleOfFile(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        for (RollCycle rollCycle : RollCycles.all()) {
            try {
                formatOf(rollCycle).parse(stem);
                return Optional.of(rollCycle);
            } catch (DateTimeParseException notThisOne) {
                // the next roll cycle's format may fit
            }
        }
        return Optional.empty();
    }

    /**
     * What a reader needs to know of a queue directory before Chronicle opens it, found in one pass:
     * its cycle files by name, the damaged ones with what is wrong ({@link #damage}), oldest first, and
     * the roll cycle their names follow (empty if none does).
     */
    public record Survey(List<Path> files, Map<Path, String> damaged, Optional<RollCycle> rollCycle) {}

    /** Surveys {@code dir}: lists its cycle files and reads each header. */
    public static Survey survey(Path dir) throws IOException {
        List<Path> files = list(dir);
        Map<Path, String> damaged = new LinkedHashMap<>();
        Optional<RollCycle> rollCycle = Optional.empty();
        for (Path file : files) {
            damage(file).ifPresent(reason -> damaged.put(file, reason));
            if (rollCycle.isEmpty()) {
                rollCycle = rollCycleOfFile(file.getFileName().toString());
            }
        }
        return new Survey(List.copyOf(files), Collections.unmodifiableMap(damaged), rollCycle);
    }

    /** The cycle files in {@code dir}, by name; empty when it is not a directory. */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * What is wrong with a cycle file that Chronicle would otherwise wait on and then read as empty,
     * or {@code Optional.empty()} when its header is whole: a file that is empty, whose header word is
     * zero (a crash right after the file was created or preallocated), whose header was never completed,
     * or that is shorter than its header says. Reads the first four bytes; any thread.
     */
    public static Optional<String> damage(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return Optional.of("the file is empty");
        }
        if (size < Integer.BYTES) {
            return Optional.of("the file is " + size + " bytes long, shorter than a header");
        }
        byte[] word = new byte[Integer.BYTES];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(word, 0, word.length) < word.length) {
                return Optional.of("the file ended while its header was read");
            }
        }
        int header = (word[0] & 0xff) | (word[1] & 0xff) << 8 | (word[2] & 0xff) << 16 | (word[3] & 0xff) << 24;
        if (header == 0) {
            return Optional.of("its header is all zeros (a crash right after the file was created?)");
        }
        if ((header & NOT_COMPLETE) != 0) {
            return Optional.of("its header was never completed (a crash while the file was created?)");
        }
        long headerBytes = Integer.BYTES + (long) (header & LENGTH_MASK);
        if (size < headerBytes) {
            return Optional.of("the file is " + size + " bytes long, shorter than its " + headerBytes + "-byte header");
        }
        return Optional.empty();
    }

    /** Chronicle's header word: the top bit marks a header still being written. */
    private static final int NOT_COMPLETE = 0x80000000;
    /** Chronicle's header word: the low 30 bits are the length that follows. */
    private static final int LENGTH_MASK = 0x3FFFFFFF;

    /** The roll cycle. */
    public RollCycle rollCycle() {
        return rollCycle;
    }

    /** The file that holds {@code cycle}, whether or not it exists. */
    public Path fileOf(int cycle) {
        return dir.resolve(format.format(Instant.ofEpochMilli(startMillisOf(cycle))) + SUFFIX);
    }

    /** The file that holds the event at a Chronicle {@code index}. */
    public Path fileOfIndex(long index) {
        return fileOf(rollCycle.toCycle(index));
    }

    /**
     * The cycles whose files are in the directory now, oldest first, read from the file names (not from
     * Chronicle's listing, which a crash can leave out of step with the files).
     */
    public java.util.NavigableSet<Integer> present() throws IOException {
        java.util.NavigableSet<Integer> cycles = new java.util.TreeSet<>();
        for (Path file : list(dir)) {
            cycleOf(file).ifPresent(cycles::add);
        }
        return cycles;
    }

    /** The cycle a file of this queue holds, from its name; empty for a name of another roll cycle. */
    public Optional<Integer> cycleOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            java.time.temporal.TemporalAccessor parsed =
                    lenientFormat().parse(name.substring(0, name.length() - SUFFIX.length()));
            long millis = java.time.LocalDateTime.from(parsed)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            return Optional.of((int) cycleAt(millis));
        } catch (java.time.DateTimeException notThisFormat) {
            return Optional.empty();
        }
    }

    private DateTimeFormatter lenientFormat() {
        return new java.time.format.DateTimeFormatterBuilder()
                .appendPattern(rollCycle.format())
                .parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0)
                .parseDefaulting(java.time.temporal.ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(java.time.temporal.ChronoField.SECOND_OF_MINUTE, 0)
                .toFormatter(java.util.Locale.ROOT);
    }

    /** When {@code cycle} starts, in milliseconds since the epoch. */
    public long startMillisOf(int cycle) {
        return epochMillis + (long) cycle * rollCycle.lengthInMillis();
    }

    /** The cycle that holds the time {@code epochMillis}. */
    public long cycleAt(long epochMillis) {
        return Math.floorDiv(epochMillis - this.epochMillis, (long) rollCycle.lengthInMillis());
    }

    private static DateTimeFormatter formatOf(RollCycle rollCycle) {
        return DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
    }
}
