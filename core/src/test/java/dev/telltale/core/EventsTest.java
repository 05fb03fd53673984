package dev.telltale.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventHealth;
import dev.telltale.api.EventStats;
import dev.telltale.core.testing.BlockingStore;
import dev.telltale.core.testing.ProbeStoreProvider;
import dev.telltale.core.testing.RecordingStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class EventsTest {

    private static EventsConfig.Builder config(RecordingStore store) {
        return EventsConfig.builder().store(store).shutdownHook(false).flushInterval(Duration.ofMillis(50));
    }

    private static DslEvent event(long i) {
        return DslEvent.succeeded(EventClock.nowEpochNanos(), null, "test.verb", i);
    }

    /** Emits {@code perThread} events from each of {@code threads} threads, back to back, and waits for them. */
    private static void emitFrom(Events events, int threads, int perThread) throws InterruptedException {
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread producer = new Thread(() -> {
                UUID session = UUID.randomUUID();
                for (int i = 0; i < perThread; i++) {
                    events.emit(DslEvent.succeeded(i, session, "load.test", i));
                }
            });
            producers.add(producer);
            producer.start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
    }

    @Test
    void start_whenDisabled_recordsNothingAndSaysSo() {
        RecordingStore store = new RecordingStore();
        try (Events events = Events.start(config(store).enabled(false).build())) {
            events.emit(event(1));

            assertThat(events.isEnabled()).isFalse();
            assertThat(events.stats()).isEqualTo(EventStats.NONE);
            assertThat(events.health().status()).isEqualTo(EventHealth.Status.DISABLED);
        }
        assertThat(store.appends()).isZero();
        assertThat(store.closes())
                .as("a disabled Telltale never touches the store")
                .isZero();
    }

    @Test
    void emit_reachesTheStoreAndIsFlushed() {
        RecordingStore store = new RecordingStore();
        try (Events events = Events.start(config(store).build())) {
            DslEvent event = event(42);
            events.emit(event);

            await().atMost(Duration.ofSeconds(10)).until(() -> store.flushes() > 0);
            assertThat(store.events()).containsExactly(event);
            assertThat(events.stats().persisted()).isEqualTo(1);
            assertThat(events.health().isHealthy()).isTrue();
            assertThat(events.health().store()).isEqualTo("recording");
        }
    }

    @Test
    void close_afterABurst_leavesEveryAcceptedEventInTheStore() throws Exception {
        RecordingStore store = new RecordingStore();
        Events events = Events.start(config(store).build());
        emitFrom(events, 4, 50_000);

        events.close();

        EventStats stats = events.stats();
        assertThat(stats.emitted()).isEqualTo(200_000);
        assertThat(stats.pending()).isZero();
        assertThat(stats.lost()).isZero();
        assertThat(store.size()).isEqualTo(stats.persisted()).isEqualTo(stats.emitted() - stats.dropped());
        assertThat(store.closes()).isEqualTo(1);
    }

    @Test
    void close_isIdempotentAndLaterEmitsAreCountedAsClosedDrops() {
        RecordingStore store = new RecordingStore();
        Events events = Events.start(config(store).build());
        events.close();
        events.close();

        events.emit(event(1));

        assertThat(events.stats().droppedClosed()).isEqualTo(1);
        assertThat(events.stats().emitted()).isEqualTo(1);
        assertThat(store.closes()).isEqualTo(1);
        assertThat(events.health().reasons()).contains("closed");
    }

    @Test
    void drain_survivesAStoreThatThrowsOnEveryTenthBatchAndAnError() throws Exception {
        RecordingStore store = new RecordingStore(n -> {
            if (n == 15) {
                return new AssertionError("an Error from the store");
            }
            return n % 10 == 0 ? new IOException("every tenth batch fails") : null;
        });
        Events events = Events.start(config(store).batchSize(64).build());
        for (int round = 0; round < 50; round++) {
            emitFrom(events, 2, 1_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stats().pending() == 0);
        }
        assertThat(store.failedBatchSizes()).hasSizeGreaterThan(3);
        assertThat(events.health().status()).as("events were lost").isEqualTo(EventHealth.Status.DEGRADED);
        assertThat(events.health().reasons())
                .anyMatch(r -> r.endsWith("events lost to store failures"))
                .anyMatch(r -> r.startsWith("the store failed in the last minute"));

        events.close();

        EventStats stats = events.stats();
        assertThat(stats.emitted()).isEqualTo(100_000);
        assertThat(stats.lost())
                .isEqualTo(store.failedBatchSizes().stream()
                        .mapToLong(Integer::longValue)
                        .sum());
        assertThat(stats.persisted()).isEqualTo(store.size());
        assertThat(stats.persisted() + stats.dropped() + stats.lost()).isEqualTo(stats.emitted());
        assertThat(stats.storeFailures()).isEqualTo(store.failedBatchSizes().size());
    }

    @Test
    void health_whenTheDropRateReachesOnePercent_isDegraded() throws Exception {
        RecordingStore slow = new RecordingStore() {
            @Override
            public void append(List<DslEvent> batch) throws IOException {
                LockSupport.parkNanos(2_000_000);
                super.append(batch);
            }
        };
        try (Events events =
                Events.start(config(slow).stripes(1).bufferSize(16).batchSize(4).build())) {
            emitFrom(events, 1, 10_000);

            EventHealth health = events.health();
            assertThat(health.status()).isEqualTo(EventHealth.Status.DEGRADED);
            assertThat(health.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("drop rate "));
            assertThat(health.stats().droppedQueueFull()).isPositive();
        }
    }

    @Test
    void health_whenTheStoreKeepsFailing_isDegradedWithTheError() {
        RecordingStore broken = new RecordingStore(n -> new IOException("no space left on device"));
        try (Events events = Events.start(config(broken).build())) {
            for (int i = 0; i < 3; i++) {
                events.emit(event(i));
                int appendsBefore = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> broken.appends() > appendsBefore);
            }

            EventHealth health = events.health();
            assertThat(health.status()).isEqualTo(EventHealth.Status.DEGRADED);
            assertThat(health.reasons()).contains("the store is failing: no space left on device");
            assertThat(health.lastStoreError()).isEqualTo("no space left on device");
        }
    }

    @Test
    void start_withAnUnknownStore_failsNamingIt() {
        EventsConfig config =
                EventsConfig.builder().store("nosuchstore").shutdownHook(false).build();

        assertThatThrownBy(() -> Events.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no event store named 'nosuchstore' on the class path");
    }

    @Test
    void start_opensANamedStoreOnItsOwnThreadNeverOnTheCallers() {
        ProbeStoreProvider.OPENED_ON.clear();
        try (Events events = Events.start(
                EventsConfig.builder().shutdownHook(false).store("probe").build())) {
            events.emit(event(1));

            await().atMost(Duration.ofSeconds(10)).until(() -> events.stats().persisted() == 1);
            assertThat(ProbeStoreProvider.OPENED_ON).containsExactly("telltale-open");
            assertThat(events.health().store()).isEqualTo("recording");
        }
    }

    @Test
    void start_whenAStoreSettingIsWrong_failsAtOnceNamingIt() {
        EventsConfig config = EventsConfig.builder()
                .shutdownHook(false)
                .store("probe")
                .storeOption("bad", "1")
                .build();

        assertThatThrownBy(() -> Events.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'probe' setting 'bad': refused");
    }

    @Test
    void requireQueueFitsHeap_refusesAQueueThatFullWouldTakeMoreThanAQuarterOfTheHeap() {
        long sixGiB = 6L << 30;

        assertThatThrownBy(() -> Events.requireQueueFitsHeap(4, 1 << 30, sixGiB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("telltale.buffer-size 1073741824 with telltale.stripes 4: the queue would hold "
                        + "4,294,967,296 events, about 524,288 MiB when full, more than a quarter of the maximum heap "
                        + "(6,144 MiB); lower buffer-size or stripes");
        // Rounded up to powers of two: 3 stripes of 3,000 are 4 x 4,096 = 16,384 events, 2 MiB.
        Events.requireQueueFitsHeap(3, 3_000, 8L << 20);
        assertThatThrownBy(() -> Events.requireQueueFitsHeap(3, 3_000, (8L << 20) - 4))
                .hasMessageContaining("the queue would hold 16,384 events");
    }

    @Test
    void failedToStart_givesAHandleThatRecordsNothingAndSaysWhy() {
        Events failed = Events.failedToStart(new IllegalStateException("no flags"));

        failed.emit(event(1));
        assertThat(failed.isEnabled()).isFalse();
        assertThat(failed.stats()).isEqualTo(EventStats.NONE);
        assertThat(failed.health().status()).isEqualTo(EventHealth.Status.DEGRADED);
        assertThat(failed.health().reasons())
                .containsExactly("recording could not start: java.lang.IllegalStateException: no flags");
        failed.close();
    }

    @Test
    void close_whenTheDrainDoesNotFinishInTime_returnsAfterTheTimeoutWithEventsPending() throws Exception {
        BlockingStore stuck = new BlockingStore();
        Events events =
                Events.start(config(stuck).closeTimeout(Duration.ofMillis(100)).build());
        events.emit(event(1));
        assertThat(stuck.awaitAppending()).isTrue();
        events.emit(event(2));

        events.close();

        assertThat(events.stats().pending()).isPositive();
        assertThat(events.health().reasons()).contains("closed");
        stuck.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stats().pending() == 0);
        assertThat(events.stats().persisted()).isEqualTo(2);
    }

    @Test
    void stats_addUpWhileEventsArePending() {
        RecordingStore store = new RecordingStore();
        try (Events events = Events.start(config(store).build())) {
            for (int i = 0; i < 100; i++) {
                events.emit(event(i));
            }
            events.emit(null);
            EventStats stats = events.stats();

            assertThat(stats.emitted()).isEqualTo(101);
            assertThat(stats.droppedNull()).isEqualTo(1);
            assertThat(stats.persisted() + stats.pending() + stats.dropped() + stats.lost())
                    .isEqualTo(101);
        }
    }

    @Test
    void disabled_andConfig_areWhatWasAsked() {
        Events disabled = Events.disabled();
        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.config().enabled()).isFalse();
        disabled.close();

        EventsConfig config = config(new RecordingStore()).build();
        try (Events events = Events.start(config)) {
            assertThat(events.config()).isSameAs(config);
            assertThat(events.isEnabled()).isTrue();
        }
    }

    @Test
    void installGlobal_replacesTheProcessWideHandleAndReturnsThePreviousOne() {
        Events first = Events.disabled();
        Events second = Events.disabled();
        Events before = Events.installGlobal(first);
        try {
            assertThat(Events.global()).isSameAs(first);
            assertThat(Events.installGlobal(second)).isSameAs(first);
            assertThat(Events.global()).isSameAs(second);
        } finally {
            if (before != null) {
                Events.installGlobal(before);
            }
        }
    }

    @Test
    void statsAndHealth_withEveryKindOfDropWhileTheStoreIsBlocked_addUpExactly() throws Exception {
        BlockingStore blocked = new BlockingStore();
        Events events = Events.start(
                config(blocked).stripes(1).bufferSize(4).batchSize(1).build());
        try {
            events.emit(event(0));
            assertThat(blocked.awaitAppending()).isTrue();
            for (int i = 1; i <= 20; i++) {
                events.emit(event(i));
            }
            events.emit(null);

            EventStats stats = events.stats();
            // One in the drain's hands, four in the queue, sixteen dropped because it was full, one null.
            assertThat(stats.emitted()).isEqualTo(22);
            assertThat(stats.droppedQueueFull()).isEqualTo(16);
            assertThat(stats.droppedNull()).isEqualTo(1);
            assertThat(stats.pending()).isEqualTo(5);
            assertThat(events.health().reasons()).contains("drop rate 77.27% (17 of 22 events)");
        } finally {
            blocked.release();
            events.close();
        }
        events.emit(event(99));
        EventStats closed = events.stats();
        assertThat(closed.droppedClosed()).isEqualTo(1);
        assertThat(closed.persisted()).isEqualTo(5);
        assertThat(closed.pending()).isZero();
        assertThat(closed.persisted() + closed.dropped() + closed.lost()).isEqualTo(closed.emitted());
    }
}
