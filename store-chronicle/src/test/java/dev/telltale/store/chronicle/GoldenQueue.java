package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.SessionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The golden queue: {@code src/test/resources/golden-v1}, a small queue written once by layout version
 * 1 and checked in, so that a change that cannot read old files fails {@link GoldenQueueTest}. This
 * class holds the events it contains and, as a program, writes it again (only ever needed for a new
 * layout version, into a new directory):
 * <pre>
 * mvn -B -o -q -pl store-chronicle -am install -DskipTests
 * mvn -B -o -q -pl store-chronicle dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java $(flags from telltale.jvm.flags in the parent pom) \
 *     -cp store-chronicle/target/test-classes:store-chronicle/target/classes:$(cat /tmp/cp.txt) \
 *     dev.telltale.store.chronicle.GoldenQueue store-chronicle/src/test/resources/golden-v1
 * </pre>
 */
final class GoldenQueue {

    /** Where the queue lives, among the test resources. */
    static final String RESOURCE_DIR = "golden-v1";

    /** When it was written: picks its one cycle file, {@value #CYCLE_FILE}. */
    static final Instant WRITTEN_AT = Instant.parse("2026-11-27T04:31:27Z");

    static final String CYCLE_FILE = "20261127-04F.cq4";

    /** Its roll cycle: the store's default. */
    static final String ROLL_CYCLE = ChronicleEventStore.DEFAULT_ROLL_CYCLE;

    /** A small Chronicle block keeps the checked-in files small. */
    static final long BLOCK_SIZE = 4096;

    private static final long T = EventClock.toEpochNanos(Instant.parse("2026-11-27T04:31:26.987654321Z"));
    private static final UUID SESSION = UUID.fromString("0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b");

    /** One event of each payload type, with and without a session, each optional part present and absent. */
    static final List<DslEvent> EVENTS = List.of(
            DslEvent.sessionStarted(T, SESSION, SessionSource.REPL),
            DslEvent.succeeded(T + 1_000, SESSION, "cbu.create", 1_500),
            DslEvent.succeeded(T + 2_000, null, "cbu.list", 0),
            failed(
                    T + 3_000,
                    SESSION,
                    new ErrorSnapshot("java.lang.IllegalStateException", "exists", "cbu-42", 409, "cbu.create")),
            failed(T + 4_000, null, new ErrorSnapshot("com.example.Dsl$NotFound", "", null, null, "cbu.get")),
            failed(T + 5_000, SESSION, new ErrorSnapshot("java.io.IOException", "gone", null, 503, "cbu.fetch")),
            failed(
                    T + 6_000,
                    SESSION,
                    new ErrorSnapshot(
                            "java.lang.RuntimeException",
                            "naïve \"quoted\"\ttab\nnewline \uD83D\uDE00 lone\uD800 \u2028 end",
                            "src\u0000id",
                            null,
                            "entity.ünïcode")),
            DslEvent.sessionEnded(T + 7_000, SESSION, 12, 2, 3_000_000_000L),
            DslEvent.sessionStarted(T + 8_000, null, SessionSource.MCP),
            DslEvent.sessionEnded(T + 9_000, null, 0, 0, 0));

    private GoldenQueue() {}

    /** Writes the golden queue into the empty or missing directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GoldenQueue DIR (an empty or missing directory)");
        }
        Path dir = Path.of(args[0]);
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty: the golden queue is written once");
                }
            }
        }
        write(dir);
    }

    /** Writes the golden events into a new queue in {@code dir} as of {@link #WRITTEN_AT}. */
    static void write(Path dir) throws IOException {
        try (ChronicleEventStore store = ChronicleEventStore.builder(dir)
                .rollCycle(ROLL_CYCLE)
                .pretouch(false)
                .blockSize(BLOCK_SIZE)
                .clock(WRITTEN_AT::toEpochMilli)
                .open()) {
            store.append(EVENTS);
        }
    }

    private static DslEvent failed(long epochNanos, UUID session, ErrorSnapshot error) {
        return new DslEvent(epochNanos, session, new CommandFailed(error.verb(), 2_500, error));
    }
}
