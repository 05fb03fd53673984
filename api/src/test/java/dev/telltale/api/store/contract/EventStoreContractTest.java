package dev.telltale.api.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreAppendException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do, whatever it writes to. A store's test extends this and says
 * how to open a store and how to read back what it persisted.
 */
public abstract class EventStoreContractTest {

    /** A store at this test's location: empty the first time, the same location again on later calls. */
    protected abstract EventStore openStore() throws IOException;

    /** Everything the stores opened so far persisted, in order; called after they are closed. */
    protected abstract List<DslEvent> persistedEvents() throws IOException;

    /** Deletes what the store writes to (its file, its directory) as an operator's {@code rm -rf} would, while it is open. */
    protected abstract void deleteUnderTheStore() throws IOException;

    @Test
    void append_afterItsFilesWereDeleted_reportsNothingAppendedThenRecreatesThem() throws IOException {
        try (EventStore store = openStore()) {
            store.append(List.of(ContractEvents.started()));
            deleteUnderTheStore();

            assertThatThrownBy(() -> store.append(List.of(ContractEvents.succeeded())))
                    .isInstanceOfSatisfying(StoreAppendException.class, e -> {
                        assertThat(e.appended())
                                .as("nothing is persisted in deleted files")
                                .isZero();
                        assertThat(e.getMessage()).contains("deleted under this process");
                    });
            store.append(List.of(ContractEvents.failed()));
            store.flush();
        }

        assertThat(persistedEvents()).as("what the recreated files hold").containsExactly(ContractEvents.failed());
    }

    @Test
    void append_inSeveralBatches_persistsEveryEventInOrder() throws IOException {
        List<DslEvent> events = ContractEvents.everyKind();
        try (EventStore store = openStore()) {
            store.append(events.subList(0, 1));
            store.append(events.subList(1, 5));
            store.append(events.subList(5, events.size()));
        }

        assertThat(persistedEvents()).containsExactlyElementsOf(events);
    }

    @Test
    void append_hostileStrings_roundTripExactly() throws IOException {
        List<DslEvent> hostile = ContractEvents.everyKind().stream()
                .filter(event -> event.toString().contains(ContractEvents.HOSTILE_TEXT))
                .toList();
        try (EventStore store = openStore()) {
            store.append(hostile);
        }

        assertThat(hostile).hasSizeGreaterThanOrEqualTo(2);
        assertThat(persistedEvents()).containsExactlyElementsOf(hostile);
    }

    @Test
    void append_sessionEntryOfTheLongestContent_roundTripsExactly() throws IOException {
        DslEvent longest =
                ContractEvents.entry(EntryType.AGENT_THOUGHT, 1, ContractEvents.longestContent(), ContractEvents.REF);
        try (EventStore store = openStore()) {
            store.append(List.of(ContractEvents.started(), longest, ContractEvents.ended()));
        }

        assertThat(persistedEvents()).containsExactly(ContractEvents.started(), longest, ContractEvents.ended());
    }

    @Test
    void append_sessionEntryOf10MiChars_keepsItsFirstMiCharsWithoutSplittingAPair() throws IOException {
        DslEvent oversized = ContractEvents.entry(EntryType.RESPONSE, 2, ContractEvents.oversizedContent(), null);
        try (EventStore store = openStore()) {
            store.append(List.of(oversized));
        }

        List<DslEvent> persisted = persistedEvents();
        assertThat(persisted).containsExactly(oversized);
        String kept = ((EventPayload.SessionEntry) persisted.get(0).payload()).content();
        assertThat(kept)
                .hasSize(EventPayload.MAX_CONTENT_LENGTH - 1)
                .isEqualTo("x".repeat(EventPayload.MAX_CONTENT_LENGTH - 1));
    }

    @Test
    void append_whenCallerReusesTheBatchList_persistsWhatWasAppended() throws IOException {
        List<DslEvent> batch = new ArrayList<>(List.of(ContractEvents.succeeded(), ContractEvents.failed()));
        try (EventStore store = openStore()) {
            store.append(batch);
            batch.clear();
            batch.add(ContractEvents.ended());
            store.append(batch);
            batch.set(0, ContractEvents.started());
        }

        assertThat(persistedEvents())
                .containsExactly(ContractEvents.succeeded(), ContractEvents.failed(), ContractEvents.ended());
    }

    @Test
    void flush_betweenAppends_keepsEverything() throws IOException {
        try (EventStore store = openStore()) {
            store.append(List.of(ContractEvents.started()));
            store.flush();
            store.append(List.of(ContractEvents.ended()));
            store.flush();
        }

        assertThat(persistedEvents()).containsExactly(ContractEvents.started(), ContractEvents.ended());
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
            store.append(List.of(ContractEvents.started(), ContractEvents.succeeded()));
        }
        try (EventStore store = openStore()) {
            store.append(List.of(ContractEvents.failed(), ContractEvents.ended()));
        }

        assertThat(persistedEvents())
                .containsExactly(
                        ContractEvents.started(),
                        ContractEvents.succeeded(),
                        ContractEvents.failed(),
                        ContractEvents.ended());
    }

    @Test
    void close_twice_isHarmless_andAppendAfterCloseFails() throws IOException {
        EventStore store = openStore();
        store.append(List.of(ContractEvents.started()));
        store.close();
        store.close();

        assertThatThrownBy(() -> store.append(List.of(ContractEvents.ended()))).isInstanceOf(IOException.class);
        assertThat(persistedEvents()).containsExactly(ContractEvents.started());
    }

    @Test
    void describe_isOneNonBlankLine() throws IOException {
        try (EventStore store = openStore()) {
            assertThat(store.describe()).isNotBlank().doesNotContain("\n");
        }
    }
}
