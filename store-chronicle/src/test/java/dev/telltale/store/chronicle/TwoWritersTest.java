package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.api.store.contract.ContractEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stores (two Chronicle queue instances, as two processes would have) append to one directory. */
class TwoWritersTest {

    private static final int BATCHES = 100;
    private static final int BATCH_SIZE = 25;

    @TempDir
    Path dir;

    private final ExecutorService drains = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopDrains() {
        drains.shutdownNow();
    }

    @Test
    void append_fromTwoStoresAtOnce_keepsEveryEventOnceAndEachWritersOrder() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ChronicleEventStore first = ChronicleEventStore.open(dir);
                ChronicleEventStore second = ChronicleEventStore.open(dir)) {
            Future<List<DslEvent>> firstWrote = drains.submit(writer(first, "first", start));
            Future<List<DslEvent>> secondWrote = drains.submit(writer(second, "second", start));
            start.countDown();
            List<DslEvent> fromFirst = firstWrote.get(30, TimeUnit.SECONDS);
            List<DslEvent> fromSecond = secondWrote.get(30, TimeUnit.SECONDS);

            List<RecordedEvent> read = TestEvents.recordedFrom(dir, new Position.Start());

            assertThat(read).hasSize(2 * BATCHES * BATCH_SIZE);
            assertThat(read).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
            assertThat(read)
                    .extracting(RecordedEvent::event)
                    .filteredOn(e -> e.toString().contains("first."))
                    .containsExactlyElementsOf(fromFirst);
            assertThat(read)
                    .extracting(RecordedEvent::event)
                    .filteredOn(e -> e.toString().contains("second."))
                    .containsExactlyElementsOf(fromSecond);
        }
    }

    private static Callable<List<DslEvent>> writer(ChronicleEventStore store, String name, CountDownLatch start) {
        return () -> {
            start.await();
            List<DslEvent> written = new ArrayList<>();
            for (int b = 0; b < BATCHES; b++) {
                List<DslEvent> batch = new ArrayList<>();
                for (int i = 0; i < BATCH_SIZE; i++) {
                    batch.add(ContractEvents.succeeded(
                            ContractEvents.EPOCH_NANOS + written.size() + i, name + "." + (b * BATCH_SIZE + i)));
                }
                store.append(batch);
                written.addAll(batch);
            }
            store.flush();
            return written;
        };
    }
}
