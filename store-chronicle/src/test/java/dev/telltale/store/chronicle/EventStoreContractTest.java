package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do, whatever it writes to. A store's test extends this and says
 * how to open a store and how to read back what it persisted. (The same suite as store-jsonl's; that
 * module publishes no test jar, so it is copied, with the reopen and closed-store cases added.)
 */
abstract class EventStoreContractTest {

    /** A store at this test's location: empty the first time, the same location again on later calls. */
    protected abstract EventStore openStore() throws IOException;

    /** Everything the stores opened so far persisted, in order; called after they are closed. */
    protected abstract List<DslEvent> persistedEvents() throws IOException;

    @Test
    void append_inSeveralBatches_persistsEveryEventInOrder() throws IOException {
        List<DslEvent> events = TestEvents.everyKind();
        try (EventStore store = openStore()) {
            store.append(events.subList(0, 1));
            store.append(events.subList(1, 5));
            store.append(events.subList(5, events.size()));
        }

        assertThat(persistedEvents()).containsExactlyElementsOf(events);
    }

    @Test
    void append_hostileStrings_roundTripExactly() throws IOException {
        List<DslEvent> hostile = TestEvents.everyKind().stream()
                .filter(event -> event.toString().contains(TestEvents.HOSTILE_TEXT))
                .toList();
        try (EventStore store = openStore()) {
            store.append(hostile);
        }

        assertThat(hostile).hasSizeGreaterThanOrEqualTo(2);
        assertThat(persistedEvents()).containsExactlyElementsOf(hostile);
    }

    @Test
    void append_whenCallerReusesTheBatchList_persistsWhatWasAppended() throws IOException {
        List<DslEvent> batch = new ArrayList<>(List.of(TestEvents.succeeded(), TestEvents.failed()));
        try (EventStore store = openStore()) {
            store.append(batch);
            batch.clear();
            batch.add(TestEvents.ended());
            store.append(batch);
            batch.set(0, TestEvents.started());
        }

        assertThat(persistedEvents()).containsExactly(TestEvents.succeeded(), TestEvents.failed(), TestEvents.ended());
    }

    @Test
    void flush_betweenAppends_keepsEverything() throws IOException {
        try (EventStore store = openStore()) {
            store.append(List.of(TestEvents.started()));
            store.flush();
            store.append(List.of(TestEvents.ended()));
            store.flush();
        }

        assertThat(persistedEvents()).containsExactly(TestEvents.started(), TestEvents.ended());
    }

    @Test
    void append_emptyBatch_persistsNothing() throws IOException {
        try (EventStore store = openStore()) {
            store.append(List.of());
            store.flush();
        }

        assertThat(persistedEvents()).isEmpty();
    }

    @Test
    void close_thenReopenAndAppend_keepsBothInOrder() throws IOException {
        try (EventStore store = openStore()) {
            store.append(List.of(TestEvents.started(), TestEvents.succeeded()));
        }
        try (EventStore store = openStore()) {
            store.append(List.of(TestEvents.failed(), TestEvents.ended()));
        }

        assertThat(persistedEvents())
                .containsExactly(TestEvents.started(), TestEvents.succeeded(), TestEvents.failed(), TestEvents.ended());
    }

    @Test
    void close_twice_isHarmless_andAppendAfterCloseFails() throws IOException {
        EventStore store = openStore();
        store.append(List.of(TestEvents.started()));
        store.close();
        store.close();

        assertThatThrownBy(() -> store.append(List.of(TestEvents.ended()))).isInstanceOf(IOException.class);
        assertThat(persistedEvents()).containsExactly(TestEvents.started());
    }

    @Test
    void describe_isOneNonBlankLine() throws IOException {
        try (EventStore store = openStore()) {
            assertThat(store.describe()).isNotBlank().doesNotContain("\n");
        }
    }
}
