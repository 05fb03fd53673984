package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.store.StoreAppendException;
import dev.telltale.api.store.contract.ContractEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chronicle takes a document of at most a quarter of its block (16 MiB with the default 64 MiB block,
 * which the largest session entry, about 3 MiB, fits: the contract test's case). With a block too small
 * for an entry, its append fails, saying why, before writing it, and the queue goes on.
 */
class LargeEntryTest {

    /** Chronicle's block of 4 MiB takes documents of at most 1 MiB. */
    private static final long SMALL_BLOCK = 4 << 20;

    @TempDir
    Path dir;

    @Test
    void append_anEntryLargerThanAQuarterBlock_failsSayingSoAndTheQueueGoesOn() throws IOException {
        DslEvent longest = ContractEvents.entry(EntryType.AGENT_THOUGHT, 1, ContractEvents.longestContent(), null);
        try (ChronicleEventStore store = ChronicleEventStore.builder(dir)
                .blockSize(SMALL_BLOCK)
                .pretouch(false)
                .open()) {
            store.append(List.of(ContractEvents.started()));

            assertThatThrownBy(() -> store.append(List.of(longest, ContractEvents.ended())))
                    .isInstanceOfSatisfying(
                            StoreAppendException.class,
                            e -> assertThat(e.appended()).isZero())
                    .hasMessageContaining("append failed after 0 of 2 events")
                    .hasMessageContaining("a session entry of up to 3145740 bytes of text does not fit a Chronicle "
                            + "document of this queue (at most 1048576 bytes, a quarter of its block)");

            store.append(List.of(ContractEvents.ended()));
        }

        assertThat(TestEvents.readAll(dir)).containsExactly(ContractEvents.started(), ContractEvents.ended());
    }
}
