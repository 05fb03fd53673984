package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.store.chronicle.EventCursor;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.chronicle.Position;
import dev.telltale.store.chronicle.RecordedEvent;
import dev.telltale.store.jsonl.JsonlFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telltale tail}: the last events, or those from a position, and with {@code -f} every new one as it is written. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Prints recorded events, one per line; with -f, keeps printing new ones as they are written.",
                "Without --from: the last N matching events (default 10)."})
final class TailCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    private static final long MIN_IDLE_NANOS = 5_000_000;
    private static final long MAX_IDLE_NANOS = 200_000_000;

    @Parameters(index = "0", paramLabel = "DIR", description = "The event directory (a Chronicle queue).")
    Path dir;

    @Option(names = {"-f", "--follow"}, description = "Keep reading: print events as they are written (Ctrl-C to stop).")
    boolean follow;

    @Option(names = "--from", paramLabel = "start|end|INDEX|TIME", converter = PositionConverter.class,
            description = "Where to start: start, end, an index, or a time such as 2026-11-27T04:00:00Z.")
    Position from;

    @Option(names = "-n", paramLabel = "N", description = "How many events: the last N (default 10), or at most N after --from.")
    Integer count;

    @Option(names = "--verb", paramLabel = "GLOB", description = "Only commands whose verb matches, such as 'cbu.*'.")
    String verb;

    @Option(names = "--failed", description = "Only failed commands.")
    boolean failed;

    @Option(names = "--session", paramLabel = "ID", description = "Only events of this session (a UUID).")
    UUID session;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: aligned lines (coloured on a terminal); json: the JSONL export format.")
    Format format;

    @Mixin
    DamageOption damage;

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
                ? JsonlFormat::toJson
                : new TextFormat(spec.commandLine().getColorScheme().ansi())::format;
        try (EventLog log = damage.open(dir, spec.commandLine().getErr());
                EventCursor cursor = log.cursor(from == null ? new Position.Start() : from)) {
            boolean readToEnd;
            if (from == null) {
                readToEnd = printLast(cursor, filter, count == null ? 10 : count, render, out);
            } else {
                readToEnd = printFrom(cursor, filter, count, render, out);
            }
            if (readToEnd) {
                cursor.requireAtEnd();
            }
            if (follow) {
                followFrom(cursor, filter, render, out);
            }
        }
        return TelltaleMain.OK;
    }

    private static boolean printLast(EventCursor cursor, EventFilter filter, int n, Function<DslEvent, String> render,
            PrintWriter out) throws IOException {
        ArrayDeque<DslEvent> last = new ArrayDeque<>(Math.max(1, n));
        for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
            if (n > 0 && filter.test(recorded.event())) {
                if (last.size() == n) {
                    last.removeFirst();
                }
                last.addLast(recorded.event());
            }
        }
        for (DslEvent event : last) {
            out.println(render.apply(event));
        }
        out.flush();
        return true;
    }

    /** Returns whether it read to the end (rather than stopping at the limit). */
    private static boolean printFrom(EventCursor cursor, EventFilter filter, Integer limit, Function<DslEvent, String> render,
            PrintWriter out) throws IOException {
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

    /** Polls for new events until the process is stopped, backing off while there are none. */
    private static void followFrom(EventCursor cursor, EventFilter filter, Function<DslEvent, String> render,
            PrintWriter out) throws IOException {
        long idle = MIN_IDLE_NANOS;
        while (!Thread.currentThread().isInterrupted()) {
            RecordedEvent recorded = cursor.next();
            if (recorded == null) {
                out.flush();
                LockSupport.parkNanos(idle);
                idle = Math.min(idle * 2, MAX_IDLE_NANOS);
                continue;
            }
            idle = MIN_IDLE_NANOS;
            if (filter.test(recorded.event())) {
                out.println(render.apply(recorded.event()));
            }
        }
    }
}
