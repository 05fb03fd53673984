package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.EventSources;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.json.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telltale tail}: the last events, or those from a position, and with {@code -f} every new one as it is written. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Prints recorded events, one per line; with -f, keeps printing new ones as they are written.",
            "Without --from: the last N matching events (default 10)."
        })
final class TailCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text,
        json
    }

    /** What {@code -f} follows. */
    private enum Kind {
        FILE,
        DIRECTORY
    }

    private static final long MIN_IDLE_NANOS = 5_000_000;
    private static final long MAX_IDLE_NANOS = 200_000_000;
    /**
     * The longest pause between two looks while following: a line shows at most this long after it
     * is written (the drain writes an event as soon as it is accepted), at 50 cheap looks a second.
     */
    private static final long MAX_FOLLOW_IDLE_NANOS = 20_000_000;

    @Mixin
    InputOption input;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep reading: print events as they are written (Ctrl-C to stop).")
    boolean follow;

    @Option(
            names = "--from",
            paramLabel = "start|end|INDEX|TIME",
            converter = PositionConverter.class,
            description = "Where to start: start, end, an index, or a time such as 2026-11-27T04:00:00Z.")
    Position from;

    @Option(
            names = "-n",
            paramLabel = "N",
            description = "How many events: the last N (default 10), or at most N after --from.")
    Integer count;

    @Option(names = "--verb", paramLabel = "GLOB", description = "Only commands whose verb matches, such as 'cbu.*'.")
    String verb;

    @Option(names = "--failed", description = "Only failed commands.")
    boolean failed;

    @Option(names = "--session", paramLabel = "ID", description = "Only events of this session (a UUID).")
    UUID session;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text: aligned lines (coloured on a terminal); json: the JSONL export format.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (count != null && count < 0) {
            throw new ParameterException(spec.commandLine(), "-n must not be negative, got " + count);
        }
        EventFilter filter = new EventFilter(verb, failed, session);
        PrintWriter out = spec.commandLine().getOut();
        Function<DslEvent, String> render = format == Format.json
                ? EventJson::toJson
                : new TextFormat(spec.commandLine().getColorScheme().ansi())::format;
        PrintWriter err = spec.commandLine().getErr();
        if (follow) {
            awaitSource(err);
        }
        try (EventSource events = input.open(err)) {
            if (from == null) {
                // The last N: found newest first where the source can, printed oldest first.
                Position start = events.startOfLast(filter, count == null ? 10 : count);
                try (EventCursor cursor = events.cursor(start, follow)) {
                    boolean readToEnd = start instanceof Position.End || printFrom(cursor, filter, null, render, out);
                    followOrRequireEnd(cursor, readToEnd, filter, render, out);
                }
            } else {
                try (EventCursor cursor = events.cursor(from, follow)) {
                    boolean readToEnd = printFrom(cursor, filter, count, render, out);
                    followOrRequireEnd(cursor, readToEnd, filter, render, out);
                }
            }
        }
        return TelltaleMain.OK;
    }

    private void followOrRequireEnd(
            EventCursor cursor,
            boolean readToEnd,
            EventFilter filter,
            Function<DslEvent, String> render,
            PrintWriter out)
            throws IOException {
        if (follow) {
            followFrom(cursor, filter, render, out);
        } else if (readToEnd) {
            cursor.requireAtEnd();
        }
    }

    /** {@code -f} on a location no source reads (yet): waits, polling, until one does. */
    private void awaitSource(PrintWriter err) {
        boolean told = false;
        while (EventSources.providerFor(input.location).isEmpty()
                && !Thread.currentThread().isInterrupted()) {
            if (!told) {
                err.println(
                        "telltale: waiting for " + Printable.of(input.location) + " to hold events (Ctrl-C to stop)");
                err.flush();
                told = true;
            }
            LockSupport.parkNanos(MAX_IDLE_NANOS);
        }
    }

    /** The location as a path that exists, if it is one: a follower fails when it is deleted. */
    private Path existingPath() {
        try {
            Path path = Path.of(input.location);
            return Files.exists(path) ? path : null;
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }

    /** Returns whether it read to the end (rather than stopping at the limit). */
    private static boolean printFrom(
            EventCursor cursor, EventFilter filter, Integer limit, Function<DslEvent, String> render, PrintWriter out)
            throws IOException {
        long printed = 0;
        for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
            if (filter.test(recorded.event())) {
                out.println(render.apply(recorded.event()));
                if (limit != null && ++printed >= limit) {
                    out.flush();
                    return false;
                }
            }
        }
        out.flush();
        return true;
    }

    /**
     * Polls for new events until the process is stopped, backing off while there are none; fails if the
     * file or directory followed disappears (a follower would otherwise wait forever on files that are gone).
     */
    private void followFrom(EventCursor cursor, EventFilter filter, Function<DslEvent, String> render, PrintWriter out)
            throws IOException {
        Path followed = existingPath();
        Kind following = followed != null && Files.isRegularFile(followed) ? Kind.FILE : Kind.DIRECTORY;
        long idle = MIN_IDLE_NANOS;
        while (!Thread.currentThread().isInterrupted()) {
            RecordedEvent recorded = cursor.next();
            if (recorded == null) {
                out.flush();
                if (followed != null && !Files.exists(followed)) {
                    throw new EventSourceException(
                            followed + ": " + (following == Kind.FILE ? "the file" : "the directory")
                                    + " was deleted while it was followed");
                }
                LockSupport.parkNanos(idle);
                idle = Math.min(idle * 2, MAX_FOLLOW_IDLE_NANOS);
                continue;
            }
            idle = MIN_IDLE_NANOS;
            if (filter.test(recorded.event())) {
                out.println(render.apply(recorded.event()));
            }
        }
    }
}
