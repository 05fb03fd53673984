package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.store.chronicle.EventCursor;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.chronicle.Position;
import dev.telltale.store.chronicle.RecordedEvent;
import dev.telltale.store.jsonl.JsonlEventStore;
import dev.telltale.store.jsonl.JsonlFormat;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code telltale export jsonl}: the events of a directory as JSON Lines. With {@code --resume NAME}
 * the export is exactly once: run again after any interruption (even {@code kill -9}) it continues
 * where the last synced checkpoint says, after cutting the output back to that point, so the output
 * has no gap and no duplicate.
 */
@Command(name = "jsonl", mixinStandardHelpOptions = true,
        description = {"Exports events as JSON Lines (the format in the README).",
                "With --resume NAME, a rerun continues exactly where the last one stopped."})
final class ExportJsonlCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    @Parameters(index = "0", paramLabel = "DIR", description = "The event directory (a Chronicle queue).")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "FILE|-", description = "The output file (appended to), or - for standard output.")
    String out;

    @Option(names = "--from", paramLabel = "start|end|INDEX|TIME", converter = PositionConverter.class,
            description = "Where to start on a first run (default: start).")
    Position from;

    @Option(names = "--until", paramLabel = "INDEX|TIME", converter = PositionConverter.class,
            description = "Stop before the first event at or after this index or time.")
    Position until;

    @Option(names = "--resume", paramLabel = "NAME",
            description = "Make the export resumable and exactly once under this name (letters, digits, . _ -).")
    String resume;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "10000", hidden = true,
            description = "Events between two checkpoints.")
    int checkpointEvery;

    @Mixin
    DamageOption damage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        validate();
        try (EventLog log = damage.open(dir, spec.commandLine().getErr())) {
            long exported = "-".equals(out) ? toStandardOutput(log) : toFile(log, Path.of(out));
            if (!"-".equals(out)) {
                spec.commandLine().getErr().println("exported " + exported + " events to " + out);
            }
        }
        return TelltaleMain.OK;
    }

    private void validate() {
        if (resume != null && !NAME.matcher(resume).matches()) {
            throw new ParameterException(spec.commandLine(), "--resume: a name of letters, digits, '.', '_' or '-', got '" + resume + "'");
        }
        if (resume != null && "-".equals(out)) {
            throw new ParameterException(spec.commandLine(), "--resume needs --out FILE: standard output cannot be cut back after an interruption");
        }
        if (until instanceof Position.Start || until instanceof Position.End) {
            throw new ParameterException(spec.commandLine(), "--until takes an index or a time, got '" + untilText() + "'");
        }
        if (checkpointEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-every must be positive, got " + checkpointEvery);
        }
    }

    private long toStandardOutput(EventLog log) throws IOException {
        Writer writer = spec.commandLine().getOut();
        long exported = 0;
        try (EventCursor cursor = log.cursor(from == null ? new Position.Start() : from)) {
            RecordedEvent recorded = cursor.next();
            for (; recorded != null && !reachedUntil(recorded); recorded = cursor.next()) {
                writer.write(JsonlFormat.toJson(recorded.event()));
                writer.write('\n');
                exported++;
            }
            if (recorded == null) {
                cursor.requireAtEnd();
            }
        }
        writer.flush();
        return exported;
    }

    private long toFile(EventLog log, Path file) throws IOException {
        Path checkpointFile = resume == null ? null : ExportCheckpoint.fileFor(file, resume);
        Optional<ExportCheckpoint> checkpoint = resume == null ? Optional.empty() : ExportCheckpoint.read(checkpointFile);
        if (checkpoint.isPresent()) {
            cutBack(file, checkpoint.get().bytes());
        } else if (resume != null) {
            // A fresh resumable export: forget any position an earlier run under this name left behind.
            log.forgetReader(resume);
        }
        Position start = from == null ? new Position.Start() : from;
        long skipThrough = checkpoint.map(ExportCheckpoint::lastIndex).orElse(Long.MIN_VALUE);
        long exported = checkpoint.map(ExportCheckpoint::exported).orElse(0L);
        Progress progress = Progress.onTerminal(spec.commandLine().getErr());
        List<DslEvent> batch = new ArrayList<>(checkpointEvery);
        try (EventCursor cursor = resume == null ? log.cursor(start) : log.namedCursor(resume, start);
                JsonlEventStore output = JsonlEventStore.open(file, resume != null)) {
            long lastIndex = skipThrough;
            RecordedEvent recorded = cursor.next();
            for (; recorded != null && !reachedUntil(recorded); recorded = cursor.next()) {
                if (recorded.index() <= skipThrough) {
                    continue;
                }
                batch.add(recorded.event());
                lastIndex = recorded.index();
                if (batch.size() == checkpointEvery) {
                    exported += batch.size();
                    write(output, batch, cursor, checkpointFile, file, lastIndex, exported);
                    progress.update(exported);
                }
            }
            exported += batch.size();
            write(output, batch, cursor, checkpointFile, file, lastIndex, exported);
            progress.finish(exported);
            if (recorded == null) {
                // After the checkpoint: what was read is kept, and a rerun continues from there.
                cursor.requireAtEnd();
            }
        }
        return exported;
    }

    /**
     * Appends a batch; for a resumable export, syncs the output, then records the checkpoint, then
     * commits the named reader. A crash between any two steps leaves a checkpoint that describes a
     * synced output, and at worst a reader behind it: the rerun cuts back and skips, never duplicates.
     */
    private void write(JsonlEventStore output, List<DslEvent> batch, EventCursor cursor, Path checkpointFile, Path file,
            long lastIndex, long exported) throws IOException {
        if (!batch.isEmpty()) {
            output.append(batch);
            batch.clear();
        }
        output.flush();
        if (checkpointFile != null) {
            new ExportCheckpoint(lastIndex, Files.size(file), exported).write(checkpointFile);
            cursor.commit();
        }
    }

    private static void cutBack(Path file, long bytes) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size < bytes) {
            throw new IOException(file + " is shorter (" + size + " bytes) than its checkpoint says (" + bytes
                    + " bytes): it was changed since; remove the checkpoint to export it again from the start");
        }
        if (size > bytes) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(bytes);
            }
        }
    }

    private boolean reachedUntil(RecordedEvent recorded) {
        if (until instanceof Position.AtTime time) {
            return !recorded.event().timestamp().isBefore(time.time());
        }
        if (until instanceof Position.AtIndex index) {
            return recorded.index() >= index.index();
        }
        return false;
    }

    private String untilText() {
        return until instanceof Position.Start ? "start" : "end";
    }
}
