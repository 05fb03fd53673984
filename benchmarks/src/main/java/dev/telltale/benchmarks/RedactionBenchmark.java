package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import dev.telltale.core.internal.Redaction;
import dev.telltale.json.EventJsonWriter;
import dev.telltale.store.jsonl.JsonlEventStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What redaction costs the drain: the drain's work for one batch of {@value #BATCH} events — redact
 * (or not), then encode each event as the JSON Lines store does, into a stream that discards the bytes
 * ({@code drainOneBatch}), or append the batch to a JSON Lines store on {@code /dev/null}, its write a
 * real system call ({@code drainOneBatchIntoAStore}) — with the built-in rules on and off, in the same
 * run. The batch is a conversation's mix:
 * 80 % commands that succeeded (never looked at), 10 % failed commands with a message, 10 % session
 * entries, one entry in five holding a password. Score: events per second; the ratio on / off is the
 * figure (target ≥ 0.9). Run it:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RedactionBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RedactionBenchmark {

    static final int BATCH = 512;

    @Param({"on", "off"})
    String redaction;

    private Redaction redactor;
    private List<DslEvent> events;
    private final List<DslEvent> batch = new ArrayList<>(BATCH);
    private EventJsonWriter writer;
    private JsonlEventStore store;

    @Setup
    public void setUp() throws IOException {
        redactor = redaction.equals("on") ? Redaction.of(Map.of(), List.of()) : Redaction.NONE;
        UUID session = UUID.randomUUID();
        events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long now = 1_795_000_000_000_000_000L + i * 1_000L;
            int kind = i % 10;
            if (kind < 8) {
                events.add(DslEvent.succeeded(now, session, "cbu.create", 1_500));
            } else if (kind == 8) {
                events.add(DslEvent.failed(
                        now,
                        session,
                        "cbu.get",
                        2_500,
                        new IllegalStateException("no entity with id cbu-" + i + " in the registry of clients")));
            } else {
                String content = i % 50 == 9
                        ? "cbu.create name=Acme password=hunter" + i + " region=emea"
                        : "cbu.create name=Client" + i + " region=emea owner=ada";
                events.add(DslEvent.sessionEntry(
                        now,
                        session,
                        new EventPayload.SessionEntry(
                                EntryType.USER_INPUT, i, "REPL", content, new EventRef(session, now, "cbu.create"))));
            }
        }
        writer = new EventJsonWriter(OutputStream.nullOutputStream());
        // A real store's write: a file whose bytes go nowhere, so the disk neither fills nor is measured.
        store = JsonlEventStore.open(Path.of("/dev/null"), false);
    }

    @TearDown
    public void tearDown() throws IOException {
        store.close();
    }

    /** The drain's work for a batch with the JSON Lines store: redact, encode, write (a system call). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void drainOneBatchIntoAStore() throws IOException {
        batch.clear();
        batch.addAll(events);
        redactor.apply(batch);
        store.append(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void drainOneBatch() throws IOException {
        batch.clear();
        batch.addAll(events);
        redactor.apply(batch);
        for (DslEvent event : batch) {
            writer.writeLine(event);
        }
        writer.flush();
    }
}
