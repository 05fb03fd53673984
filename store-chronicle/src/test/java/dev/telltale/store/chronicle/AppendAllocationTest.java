package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.api.testing.AllocationCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once the verbs are known, appending allocates nothing per event. Checked with the bytes this thread
 * allocates over many appends: an allocation bound, not a timing threshold. Skipped on a JVM that
 * cannot count them.
 */
class AppendAllocationTest {

    private static final int EVENTS_PER_BATCH = 100;
    private static final int BATCHES = 2_000;

    /** Far below one byte per event: what a per-event allocation (16 bytes at least) could not stay under. */
    private static final long BOUND_BYTES = EVENTS_PER_BATCH * BATCHES / 4;

    @TempDir
    Path dir;

    private AllocationCounter threads;

    @BeforeEach
    void requireAllocationCounting() {
        threads = AllocationCounter.requireSupported();
    }

    @Test
    void append_inSteadyState_allocatesNothingPerEvent() throws IOException {
        List<DslEvent> batch = mixedBatch();
        try (ChronicleEventStore store =
                ChronicleEventStore.builder(dir).pretouch(false).open()) {
            for (int i = 0; i < BATCHES; i++) {
                store.append(batch);
            }
            long fewest = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < BATCHES; i++) {
                    store.append(batch);
                }
                fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
            }

            assertThat(fewest)
                    .as("bytes allocated by %d appends of %d events", BATCHES, EVENTS_PER_BATCH)
                    .isLessThan(BOUND_BYTES);
        }
    }

    /**
     * Succeeded and failed commands over a few verbs, with a session, a message and a source id, and
     * session entries with and without a reference to a command.
     */
    private static List<DslEvent> mixedBatch() {
        List<DslEvent> batch = new ArrayList<>();
        String[] verbs = {"cbu.create", "cbu.list", "entity.update", "naïve.vérb"};
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            String verb = verbs[i % verbs.length];
            if (i % 10 == 0) {
                ErrorSnapshot error = new ErrorSnapshot(
                        "java.lang.IllegalStateException", "no such entity " + i, "entity-" + i, 404, verb);
                batch.add(new DslEvent(
                        ContractEvents.EPOCH_NANOS + i, ContractEvents.SESSION, new CommandFailed(verb, i, error)));
            } else if (i % 10 == 5) {
                EventRef ref = new EventRef(ContractEvents.SESSION, ContractEvents.EPOCH_NANOS + i - 1, verb);
                batch.add(DslEvent.sessionEntry(
                        ContractEvents.EPOCH_NANOS + i,
                        ContractEvents.SESSION,
                        new SessionEntry(
                                EntryType.DSL_COMMAND, i, "REPL", "(" + verb + " :name \"café " + i + "\")", ref)));
            } else if (i % 10 == 7) {
                batch.add(DslEvent.sessionEntry(
                        ContractEvents.EPOCH_NANOS + i,
                        ContractEvents.SESSION,
                        new SessionEntry(
                                EntryType.RESPONSE, i, "REPL", "created entity-" + i + " \uD83D\uDE00", null)));
            } else {
                batch.add(DslEvent.succeeded(ContractEvents.EPOCH_NANOS + i, ContractEvents.SESSION, verb, i));
            }
        }
        return batch;
    }
}
