package dev.telltale.store.chronicle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import dev.telltale.api.SessionSource;
import dev.telltale.api.testing.FuzzInputs;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * A hostile cycle file cannot hurt a reader: mutations of each event type's bytes decode to an event
 * or fail with the documented {@link EventFormatException}, one line, never another exception, a hang
 * or running out of memory.
 */
class EventLayoutFuzzTest {

    private static final long SEED = 20261206L;

    private static byte[] encode(DslEvent event) {
        Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
        try {
            EventLayout.write(bytes, event, new EncodedTextCache(16));
            return bytes.toByteArray();
        } finally {
            bytes.releaseLast();
        }
    }

    @Test
    void mutatedEvents_decodeOrFailWithOneLine() {
        UUID session = UUID.fromString("0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b");
        List<byte[]> seeds = List.of(
                encode(DslEvent.succeeded(1_795_000_000_000_000_000L, session, "cbu.create", 1_500)),
                encode(DslEvent.failed(1L, session, "cbu.get", 2_500, new IllegalStateException("no entity cbu-42"))),
                encode(DslEvent.sessionStarted(1L, session, SessionSource.REPL)),
                encode(DslEvent.sessionEnded(1L, null, 12, 2, 3_000_000_000L)),
                encode(DslEvent.sessionEntry(
                        1L,
                        session,
                        new EventPayload.SessionEntry(
                                EntryType.DSL_COMMAND,
                                3,
                                "REPL",
                                "cbu.create name=Acme",
                                new EventRef(session, 1L, "v")))));
        FuzzInputs inputs = new FuzzInputs(seeds, SEED);
        int iterations = FuzzInputs.iterations(20_000);
        int[] decoded = new int[1];
        assertTimeoutPreemptively(Duration.ofMinutes(30), () -> {
            decoded[0] = inputs.run(
                    iterations, input -> EventLayout.read(input, input.length), EventFormatException.class, "");
        });
        assertThat(decoded[0]).as("some mutations stay valid events").isPositive();
    }
}
