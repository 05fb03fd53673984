package dev.telltale.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventStats;
import dev.telltale.api.SessionSource;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.testing.Accounts;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import dev.telltale.core.internal.StoreLoader;
import dev.telltale.store.jsonl.BadLinePolicy;
import dev.telltale.store.jsonl.JsonlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline, from many producer threads to a real JSON Lines file, read back with the real reader. */
class JsonlPipelineTest {

    @TempDir
    Path dir;

    private static List<DslEvent> readAll(Path file) throws IOException {
        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL);
                Stream<DslEvent> events = reader.events()) {
            return events.toList();
        }
    }

    /** The JSONL store, made slow: it sleeps a millisecond before every batch. */
    private static final class SlowStore implements EventStore {
        private final EventStore inner;

        SlowStore(EventStore inner) {
            this.inner = inner;
        }

        @Override
        public void append(List<DslEvent> batch) throws IOException {
            LockSupport.parkNanos(1_000_000);
            inner.append(batch);
        }

        @Override
        public void flush() throws IOException {
            inner.flush();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    @Test
    void events_flowByNameToTheJsonlStore() throws Exception {
        Path file = dir.resolve("events.jsonl");
        UUID session = UUID.randomUUID();
        List<DslEvent> sent = List.of(
                DslEvent.sessionStarted(EventClock.nowEpochNanos(), session, SessionSource.REPL),
                DslEvent.succeeded(EventClock.nowEpochNanos(), session, "cbu.create", 1_200),
                DslEvent.failed(
                        EventClock.nowEpochNanos(), session, "cbu.delete", 3_400, new IllegalStateException("locked")),
                DslEvent.sessionEnded(EventClock.nowEpochNanos(), session, 2, 1, 9_000));

        try (Events events = Events.start(EventsConfig.builder()
                .shutdownHook(false)
                .store("jsonl")
                .storeOption("path", file.toString())
                .build())) {
            sent.forEach(events::emit);
            // Opened by the drain thread, not by start().
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.health().store().equals("jsonl " + file.toAbsolutePath()));
        }

        List<DslEvent> written = readAll(file);
        assertThat(Accounts.withoutAccounts(written)).containsExactlyElementsOf(sent);
        assertThat(Accounts.finalAccount(written).persisted()).isEqualTo(sent.size());
    }

    @Test
    void conservation_fourProducersOfAMillionAgainstASlowStore_addsUpExactly() throws Exception {
        Path file = dir.resolve("events.jsonl");
        int producers = 4;
        int perProducer = 1_000_000;
        EventStore slow = new SlowStore(StoreLoader.open(EventsConfig.builder()
                .store("jsonl")
                .storeOption("path", file.toString())
                .build()
                .storeConfig()));
        Events events = Events.start(EventsConfig.builder()
                .store(slow)
                .shutdownHook(false)
                .flushInterval(Duration.ofMillis(100))
                .build());

        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String verb = "producer.p" + p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    events.emit(DslEvent.succeeded(i, null, verb, i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        events.close();

        EventStats stats = events.stats();
        List<DslEvent> written = readAll(file);
        List<DslEvent> persisted = Accounts.withoutAccounts(written);
        assertThat(stats.emitted()).isEqualTo((long) producers * perProducer);
        assertThat(stats.persisted() + stats.dropped() + stats.lost()).isEqualTo(stats.emitted());
        assertThat(persisted).hasSize((int) stats.persisted());
        // The drops are in the file too: the accounts add up to the counters, the final one holds the totals.
        assertThat(Accounts.accounts(written).stream()
                        .mapToLong(a -> a.droppedQueueFull())
                        .sum())
                .isEqualTo(stats.droppedQueueFull());
        assertThat(Accounts.finalAccount(written))
                .returns(stats.emitted(), a -> a.emitted())
                .returns(stats.persisted(), a -> a.persisted())
                .returns(stats.dropped(), a -> a.droppedTotal());
        assertThat(stats.lost()).isZero();
        assertThat(stats.droppedQueueFull())
                .as("the slow store must make the queue overflow")
                .isPositive();
        // Each producer's events keep their order in the file.
        for (int p = 0; p < producers; p++) {
            String verb = "producer.p" + p;
            long[] order = persisted.stream()
                    .filter(e ->
                            ((EventPayload.CommandSucceeded) e.payload()).verb().equals(verb))
                    .mapToLong(DslEvent::epochNanos)
                    .toArray();
            for (int i = 1; i < order.length; i++) {
                assertThat(order[i]).isGreaterThan(order[i - 1]);
            }
        }
    }

    @Test
    void start_whenTheJsonlPathIsMissing_saysWhichSettingAndHowToSetIt() {
        EventsConfig config =
                EventsConfig.builder().shutdownHook(false).store("jsonl").build();

        assertThatThrownBy(() -> Events.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store 'jsonl' needs the setting 'path'");
    }

    @Test
    void start_whenTheFileCannotBeOpened_returnsAtOnceAndHealthNamesTheStoreAndTheFailure() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        EventsConfig config = EventsConfig.builder()
                .shutdownHook(false)
                .closeTimeout(Duration.ofSeconds(2))
                .store("jsonl")
                .storeOption("path", notADirectory.resolve("events.jsonl").toString())
                .build();

        try (Events events = Events.start(config)) {
            events.emit(DslEvent.succeeded(EventClock.nowEpochNanos(), null, "cbu.create", 1));

            await().atMost(Duration.ofSeconds(10)).until(() -> !events.health().isHealthy());
            assertThat(events.health().reasons())
                    .singleElement()
                    .asString()
                    .startsWith("the store is failing: ")
                    .contains("plain-file");
            assertThat(events.health().store())
                    .isEqualTo("jsonl{path=" + notADirectory.resolve("events.jsonl") + "} (opening)");
            assertThat(events.stats().pending())
                    .as("waits in the queue for the store")
                    .isEqualTo(1);
        }
    }
}
