package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreAppendException;
import dev.telltale.core.testing.RecordingStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The drain's hold on its store: opening, partial appends, backoff, and what the operator is told. */
class ManagedStoreTest {

    private long now = 1_000_000_000L;
    private final RecordingOutput output = new RecordingOutput();
    private final OperatorLog log = new OperatorLog(TimeUnit.SECONDS.toNanos(10), () -> now, output);

    private static List<DslEvent> batch(int size) {
        List<DslEvent> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(DslEvent.succeeded(i, null, "a.b", 1));
        }
        return batch;
    }

    @Test
    void append_whenTheStoreAppendedPart_returnsThatPart() {
        ManagedStore store =
                new ManagedStore(new RecordingStore(n -> new StoreAppendException("half", 3, null)), null, "test", log);

        assertThat(store.append(batch(5), now)).isEqualTo(3);
        assertThat(store.failures()).isEqualTo(1);
        assertThat(store.lastError()).isEqualTo("half");
    }

    @Test
    void append_whenAStoreClaimsMoreThanTheBatch_returnsAtMostTheBatch() {
        ManagedStore store = new ManagedStore(
                new RecordingStore(n -> new StoreAppendException("confused", 99, null)), null, "test", log);

        assertThat(store.append(batch(5), now)).isEqualTo(5);
    }

    @Test
    void append_whenTheStoreThrowsAnError_returnsNone() {
        ManagedStore store = new ManagedStore(new RecordingStore(n -> new OutOfMemoryError("x")), null, "test", log);

        assertThat(store.append(batch(5), now)).isZero();
        assertThat(store.lastError()).isEqualTo("java.lang.OutOfMemoryError: x");
    }

    @Test
    void open_happensOnTheFirstReadyAndNamesTheStoreAfterwards() {
        RecordingStore opened = new RecordingStore();
        AtomicInteger opens = new AtomicInteger();
        ManagedStore store = new ManagedStore(
                null,
                () -> {
                    opens.incrementAndGet();
                    return opened;
                },
                "recording{} (opening)",
                log);
        assertThat(store.description()).isEqualTo("recording{} (opening)");
        assertThat(opens).as("nothing is opened by the constructor").hasValue(0);

        assertThat(store.ready(now)).isTrue();

        assertThat(opens).hasValue(1);
        assertThat(store.description()).isEqualTo("recording");
        assertThat(store.available()).isTrue();
    }

    @Test
    void open_whenItFails_theStoreIsDownAtOnceAndRetriedOnlyAfterTheBackoff() {
        AtomicInteger opens = new AtomicInteger();
        ManagedStore store = new ManagedStore(
                null,
                () -> {
                    opens.incrementAndGet();
                    throw new IOException("permission denied");
                },
                "jsonl{path=/x} (opening)",
                log);

        assertThat(store.ready(now)).isFalse();
        assertThat(store.available()).isFalse();
        assertThat(store.lastError()).isEqualTo("permission denied");
        assertThat(store.ready(now + 1)).as("within the backoff").isFalse();
        assertThat(opens).hasValue(1);

        now += TimeUnit.MILLISECONDS.toNanos(ManagedStore.MIN_BACKOFF_MILLIS);
        assertThat(store.ready(now)).isFalse();
        assertThat(opens).hasValue(2);
        assertThat(output.lines)
                .as("the same failure is told once")
                .containsExactly("WARN event store jsonl{path=/x} (opening): cannot open: permission denied "
                        + "(events are counted as lost or dropped until it works again)");
    }

    @Test
    void flush_whenTheStoreWasClosedAfterFailures_returnsFalseInsteadOfThrowing() {
        // Regression: the drain flushed a store that its backoff had just closed (NullPointerException,
        // "this.store is null", counted as a store failure).
        ManagedStore store =
                new ManagedStore(null, () -> new RecordingStore(n -> new IOException("full")), "test", log);
        for (int i = 0; i < ManagedStore.FAILURES_BEFORE_BACKOFF; i++) {
            assertThat(store.ready(now)).isTrue();
            store.append(batch(1), now);
        }
        long failures = store.failures();

        assertThat(store.flush(now)).isFalse();
        assertThat(store.failures()).isEqualTo(failures);
        assertThat(store.lastError()).isEqualTo("full");
    }

    @Test
    void success_afterFailures_isToldOnceAndEndsTheBackoff() {
        RecordingStore flaky = new RecordingStore(n -> n <= 3 ? new IOException("flaky") : null);
        ManagedStore store = new ManagedStore(flaky, null, "flaky", log);
        for (int i = 0; i < 3; i++) {
            store.append(batch(1), now);
        }
        assertThat(store.available()).isFalse();
        assertThat(store.ready(now)).isFalse();

        now += TimeUnit.MILLISECONDS.toNanos(ManagedStore.MIN_BACKOFF_MILLIS);
        assertThat(store.ready(now)).isTrue();
        assertThat(store.append(batch(2), now)).isEqualTo(2);

        assertThat(store.available()).isTrue();
        assertThat(output.lines)
                .last()
                .isEqualTo("INFO the event store recording works again after 3 failures in a row");
        assertThat(store.failedRecently(now)).isTrue();
        assertThat(store.failedRecently(now + TimeUnit.MILLISECONDS.toNanos(ManagedStore.RECENT_FAILURE_MILLIS)))
                .isFalse();
    }

    @Test
    void close_whenTheStoreThrows_countsAndTellsIt() {
        EventStore throwing = new RecordingStore() {
            @Override
            public void close() {
                throw new IllegalStateException("cannot close");
            }
        };
        ManagedStore store = new ManagedStore(throwing, null, "test", log);

        store.close();

        assertThat(store.failures()).isEqualTo(1);
        assertThat(store.available()).isFalse();
        assertThat(output.lines).singleElement().asString().startsWith("WARN closing the event store recording failed");
    }

    @Test
    void constructor_needsAStoreOrAWayToOpenOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ManagedStore(null, null, "x", log))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
