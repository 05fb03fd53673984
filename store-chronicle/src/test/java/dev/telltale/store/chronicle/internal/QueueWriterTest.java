package dev.telltale.store.chronicle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.store.contract.ContractEvents;
import java.util.LinkedList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The space a batch is checked for before it is written: a write past what the file system has is a SIGBUS. */
class QueueWriterTest {

    @Test
    void bytesNeeded_ofSmallEvents_isTheHeadroomAndTheReservationPerEvent() {
        List<DslEvent> batch = List.of(ContractEvents.succeeded(), ContractEvents.failed(), ContractEvents.entry());

        assertThat(QueueWriter.bytesNeeded(batch))
                .isGreaterThanOrEqualTo(QueueWriter.HEADROOM_BYTES + 3 * QueueWriter.BYTES_PER_EVENT_RESERVED)
                .isLessThan(QueueWriter.HEADROOM_BYTES + 4 * QueueWriter.BYTES_PER_EVENT_RESERVED);
    }

    @Test
    void bytesNeeded_ofTheLongestEntries_coversWhatTheyTakeInAnyList() {
        DslEvent longest =
                ContractEvents.entry(EntryType.AGENT_THOUGHT, 1, ContractEvents.longestContent(), ContractEvents.REF);
        long written = encodedLength(longest);

        assertThat(QueueWriter.bytesNeeded(List.of(longest, longest)))
                .isGreaterThanOrEqualTo(QueueWriter.HEADROOM_BYTES + 2 * written)
                .isEqualTo(QueueWriter.bytesNeeded(new LinkedList<>(List.of(longest, longest))));
    }

    private static long encodedLength(DslEvent event) {
        Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
        try {
            EventLayout.write(bytes, event, new EncodedTextCache(4));
            return bytes.writePosition();
        } finally {
            bytes.releaseLast();
        }
    }
}
