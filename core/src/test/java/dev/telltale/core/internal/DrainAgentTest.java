package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.core.testing.RecordingStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The drain's loop, one {@code doWork()} at a time, on a clock the test moves. */
class DrainAgentTest {

    private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final EventEmitter emitter = new EventEmitter(2, 1024);
    private long now = 1_000_000_000L;
    private final List<long[]> reports = new ArrayList<>();
    private final RecordingOutput logged = new RecordingOutput();
    private final OperatorLog log = new OperatorLog(REPORT_NANOS, () -> now, logged);

    /** An agent on {@code from} with a store that works, batches of 10, reporting drops into {@link #reports}. */
    private DrainAgent reportingAgent(EventEmitter from) {
        return new DrainAgent(
                from,
                new ManagedStore(new RecordingStore(), null, "test", log),
                10,
                FLUSH_NANOS,
                REPORT_NANOS,
                () -> now,
                (full, closed, e) -> reports.add(new long[] {full, closed}),
                log);
    }

    private DrainAgent agent(ManagedStore store, int batchSize) {
        return new DrainAgent(
                emitter,
                store,
                batchSize,
                FLUSH_NANOS,
                REPORT_NANOS,
                () -> now,
                (full, closed, e) -> reports.add(new long[] {full, closed}),
                log);
    }

    /** An agent whose events may wait in memory, up to {@code waitingLimit}, for the store's first open. */
    private DrainAgent waitingAgent(EventEmitter from, ManagedStore store, int batchSize, int waitingLimit) {
        return new DrainAgent(
                from,
                store,
                batchSize,
                FLUSH_NANOS,
                REPORT_NANOS,
                () -> now,
                (full, closed, e) -> reports.add(new long[] {full, closed}),
                log,
                waitingLimit);
    }

    private void emit(int count) {
        for (int i = 0; i < count; i++) {
            emitter.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }
    }

    @Test
    void doWork_movesAtMostOneBatchToTheStore() {
        RecordingStore store = new RecordingStore();
        DrainAgent agent = agent(new ManagedStore(store, null, "test", log), 10);
        emit(25);

        assertThat(agent.doWork()).isEqualTo(10);
        assertThat(store.events()).hasSize(10);
        assertThat(store.appends()).isEqualTo(1);
        assertThat(agent.doWork()).isEqualTo(10);
        assertThat(agent.doWork()).isEqualTo(5);
        assertThat(agent.doWork()).isZero();
        assertThat(agent.persisted()).isEqualTo(25);
    }

    @Test
    void doWork_flushesOnceTheIntervalHasPassedAndOnlyIfSomethingWasAppended() {
        RecordingStore store = new RecordingStore();
        DrainAgent agent = agent(new ManagedStore(store, null, "test", log), 100);
        emit(3);
        agent.doWork();
        assertThat(store.flushes()).isZero();

        now += FLUSH_NANOS;
        agent.doWork();
        assertThat(store.flushes()).isEqualTo(1);

        now += 5 * FLUSH_NANOS;
        agent.doWork();
        assertThat(store.flushes()).as("nothing new to flush").isEqualTo(1);
    }

    @Test
    void doWork_whenStoreThrows_countsTheBatchAsLostAndGoesOn() {
        RecordingStore store = new RecordingStore(n -> n == 2 ? new IOException("disk full") : null);
        ManagedStore managed = new ManagedStore(store, null, "test", log);
        DrainAgent agent = agent(managed, 10);
        emit(30);

        agent.doWork();
        agent.doWork();
        agent.doWork();

        assertThat(agent.persisted()).isEqualTo(20);
        assertThat(agent.lost()).isEqualTo(10);
        assertThat(store.events()).hasSize(20);
        assertThat(managed.failures()).isEqualTo(1);
        assertThat(managed.lastError()).isEqualTo("disk full");
        assertThat(managed.available()).as("one failure is not an outage").isTrue();
    }

    @Test
    void doWork_whenStoreThrowsAnError_countsTheBatchAsLostAndGoesOn() {
        RecordingStore store = new RecordingStore(n -> n == 1 ? new OutOfMemoryError("simulated") : null);
        DrainAgent agent = agent(new ManagedStore(store, null, "test", log), 10);
        emit(20);

        agent.doWork();
        agent.doWork();

        assertThat(agent.lost()).isEqualTo(10);
        assertThat(agent.persisted()).isEqualTo(10);
    }

    @Test
    void doWork_afterRepeatedFailures_backsOffThenReopensTheStore() {
        AtomicInteger opens = new AtomicInteger();
        List<RecordingStore> opened = new ArrayList<>();
        ManagedStore.Opener opener = () -> {
            opens.incrementAndGet();
            RecordingStore fresh = new RecordingStore();
            opened.add(fresh);
            return fresh;
        };
        RecordingStore broken = new RecordingStore(n -> new IOException("broken #" + n));
        ManagedStore managed = new ManagedStore(broken, opener, "test", log);
        DrainAgent agent = agent(managed, 1);
        emit(10);

        for (int i = 0; i < ManagedStore.FAILURES_BEFORE_BACKOFF; i++) {
            agent.doWork();
        }
        assertThat(agent.lost()).isEqualTo(ManagedStore.FAILURES_BEFORE_BACKOFF);
        assertThat(managed.available()).isFalse();
        assertThat(broken.closes()).as("a store that keeps failing is closed").isEqualTo(1);

        assertThat(agent.doWork()).as("backing off: nothing drained").isZero();
        assertThat(opens).hasValue(0);

        now += TimeUnit.MILLISECONDS.toNanos(ManagedStore.MIN_BACKOFF_MILLIS);
        assertThat(agent.doWork()).isEqualTo(1);
        assertThat(opens).hasValue(1);
        assertThat(opened.get(0).events()).hasSize(1);
        assertThat(managed.available()).isTrue();
    }

    @Test
    void doWork_whenReopeningFails_doublesTheBackoff() {
        ManagedStore.Opener failing = () -> {
            throw new IOException("still down");
        };
        ManagedStore managed = new ManagedStore(new RecordingStore(n -> new IOException("x")), failing, "test", log);
        DrainAgent agent = agent(managed, 1);
        emit(10);
        for (int i = 0; i < ManagedStore.FAILURES_BEFORE_BACKOFF; i++) {
            agent.doWork();
        }
        long backoff = TimeUnit.MILLISECONDS.toNanos(ManagedStore.MIN_BACKOFF_MILLIS);

        now += backoff;
        agent.doWork(); // reopen fails: backoff doubles
        now += backoff;
        agent.doWork();
        long failuresAfterOneBackoff = managed.failures();
        now += backoff;
        agent.doWork();

        assertThat(failuresAfterOneBackoff)
                .as("still waiting out the doubled backoff")
                .isEqualTo(ManagedStore.FAILURES_BEFORE_BACKOFF + 1);
        assertThat(managed.failures()).isEqualTo(ManagedStore.FAILURES_BEFORE_BACKOFF + 2);
        assertThat(agent.lost()).isEqualTo(ManagedStore.FAILURES_BEFORE_BACKOFF);
    }

    @Test
    void onClose_drainsEverythingFlushesAndClosesTheStore() {
        RecordingStore store = new RecordingStore();
        DrainAgent agent = agent(new ManagedStore(store, null, "test", log), 7);
        emit(100);
        emitter.close();

        agent.onClose();

        assertThat(store.events()).hasSize(100);
        assertThat(store.flushes()).isEqualTo(1);
        assertThat(store.closes()).isEqualTo(1);
        assertThat(agent.persisted()).isEqualTo(100);
    }

    @Test
    void doWork_whenTheStoreAppendsPartOfABatch_countsThatPartPersistedAndTheRestLost() {
        RecordingStore store = new RecordingStore(
                n -> n == 1 ? new dev.telltale.api.store.StoreAppendException("half", 4, null) : null);
        DrainAgent agent = agent(new ManagedStore(store, null, "test", log), 10);
        emit(15);

        agent.doWork();
        agent.doWork();

        assertThat(agent.persisted()).isEqualTo(4 + 5);
        assertThat(agent.lost()).isEqualTo(6);
    }

    @Test
    void appendingWhatWaited_whenTheStoreAppendsPartOfABatch_countsThatPartPersistedTheRestLost_andFlushesIt() {
        RecordingStore store = new RecordingStore(
                n -> n == 1 ? new dev.telltale.api.store.StoreAppendException("half", 3, null) : null);
        DrainAgent agent = tenWaitedForTheFirstOpenOf(store);

        agent.doWork();

        assertThat(agent.persisted()).isEqualTo(3);
        assertThat(agent.lost()).isEqualTo(7);
        assertThat(store.flushes()).isZero();
        now += FLUSH_NANOS;
        agent.doWork();
        assertThat(store.flushes())
                .as("the 3 appended are flushed once the interval has passed")
                .isEqualTo(1);
    }

    /** An agent (batches of 10) whose store's first open took until 10 events waited in memory; now open. */
    private DrainAgent tenWaitedForTheFirstOpenOf(RecordingStore store) {
        EventEmitter small = new EventEmitter(1, 16);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ManagedStore managed = openingUntil(release, store);
        DrainAgent agent = waitingAgent(small, managed, 10, 100);
        agent.onStart();
        emitTo(small, 10);
        agent.doWork();
        assertThat(agent.pendingInMemory()).isEqualTo(10);
        release.countDown();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !managed.opening());
        return agent;
    }

    private static void emitTo(EventEmitter emitter, int count) {
        for (int i = 0; i < count; i++) {
            emitter.emit(DslEvent.succeeded(i, null, "v", 1));
        }
    }

    @Test
    void onStart_opensTheStoreBeforeAnyWork() {
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
        DrainAgent agent = agent(
                new ManagedStore(
                        null,
                        () -> {
                            opens.incrementAndGet();
                            return new RecordingStore();
                        },
                        "test (opening)",
                        log,
                        true),
                10);

        agent.onStart();

        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> opens.get() == 1);
    }

    @Test
    void whileTheFirstOpenIsUnderWay_eventsWaitInMemoryBeyondTheQueue_andAreAppendedFirstInOrder() {
        EventEmitter small = new EventEmitter(1, 8);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingStore store = new RecordingStore();
        ManagedStore managed = openingUntil(release, store);
        DrainAgent agent = waitingAgent(small, managed, 4, 20);
        agent.onStart();
        List<DslEvent> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DslEvent event = DslEvent.succeeded(i, null, "v" + i, 1);
            sent.add(event);
            small.emit(event);
            agent.doWork();
        }
        assertThat(managed.opening()).isTrue();
        assertThat(small.dropped()).as("20 wait in memory, 8 in the queue").isEqualTo(2);

        release.countDown();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !managed.opening());
        while (agent.doWork() > 0) {
            // appends what waited, then what the queue holds
        }

        assertThat(store.events()).containsExactlyElementsOf(sent.subList(0, 28));
        assertThat(agent.persisted()).isEqualTo(28);
        assertThat(store.appends()).as("28 events in batches of at most 4").isEqualTo(7);
    }

    @Test
    void theEventsThatMayWaitForTheFirstOpen_areBoundedByTheHeap() {
        assertThat(DrainPipeline.waitingLimit(64L << 30)).isEqualTo(DrainPipeline.MAX_WAITING);
        assertThat(DrainPipeline.waitingLimit(256L << 20))
                .as("a sixteenth of 256 MiB at 128 B")
                .isEqualTo(131_072);
    }

    @Test
    void theQueueSaysWhetherItHoldsAnything() {
        StripedEventQueue queue = new StripedEventQueue(4, 8);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();

        queue.offer(DslEvent.succeeded(1, null, "a", 1));
        queue.offer(DslEvent.succeeded(2, null, "b", 1));

        assertThat(queue.isEmpty()).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.drain(event -> {}, 1)).isOne();
        assertThat(queue.drain(event -> {}, 5)).isOne();
        assertThat(queue.isEmpty()).isTrue();
    }

    /** A store whose first open waits for {@code release}. */
    private ManagedStore openingUntil(java.util.concurrent.CountDownLatch release, RecordingStore store) {
        return new ManagedStore(
                null,
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted", e);
                    }
                    return store;
                },
                "test (opening)",
                log,
                true);
    }

    @Test
    void catchingUpAfterTheFirstOpen_aLongBacklogIsAppendedInOrderWhileNewEventsKeepArriving() {
        // The backlog stays below its limit of 200,000 and the queue never overflows: nothing dropped.
        EventEmitter big = new EventEmitter(1, 1 << 17);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingStore store = new RecordingStore();
        ManagedStore managed = openingUntil(release, store);
        DrainAgent agent = waitingAgent(big, managed, 1000, 200_000);
        agent.onStart();
        List<DslEvent> sent = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            sent.add(DslEvent.succeeded(i, null, "v", 1));
            big.emit(sent.get(i));
            if (i % 1000 == 999) {
                agent.doWork();
            }
        }
        release.countDown();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !managed.opening());
        // 80,000 more, 1,000 before each step: the backlog is never empty until they stop.
        for (int i = 100_000; i < 180_000; i++) {
            sent.add(DslEvent.succeeded(i, null, "v", 1));
            big.emit(sent.get(i));
            if (i % 1000 == 999) {
                agent.doWork();
            }
        }
        while (agent.doWork() > 0) {
            // the rest
        }

        assertThat(big.dropped()).isZero();
        assertThat(store.events()).hasSize(180_000).isEqualTo(sent);
        assertThat(agent.persisted()).isEqualTo(180_000);
        assertThat(agent.lost()).isZero();
    }

    @Test
    void whileOpeningAndCatchingUp_oneStepEmptiesTheQueueIntoTheWaitingEvents_notJustOneBatch() {
        EventEmitter small = new EventEmitter(1, 64);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingStore store = new RecordingStore();
        ManagedStore managed = openingUntil(release, store);
        DrainAgent agent = waitingAgent(small, managed, 4, 1000);
        agent.onStart();
        List<DslEvent> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(DslEvent.succeeded(i, null, "v", 1));
            small.emit(sent.get(i));
        }

        assertThat(agent.doWork()).as("work done: events moved").isEqualTo(60);

        assertThat(managed.opening()).isTrue();
        assertThat(small.drainTo(null, 0)).isZero();
        assertThat(agent.pendingInMemory()).as("all 60 moved while opening").isEqualTo(60);
        release.countDown();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !managed.opening());
        for (int i = 60; i < 120; i++) {
            sent.add(DslEvent.succeeded(i, null, "v", 1));
            small.emit(sent.get(i));
        }

        agent.doWork();

        assertThat(agent.pendingInMemory())
                .as("one batch of 4 appended, the 60 new ones moved")
                .isEqualTo(116);
        while (agent.doWork() > 0) {
            // the rest
        }
        assertThat(small.dropped()).isZero();
        assertThat(store.events()).isEqualTo(sent);
    }

    @Test
    void onClose_whileTheFirstOpenIsUnderWay_waitsForItAndAppendsWhatWaited() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingStore store = new RecordingStore();
        ManagedStore managed = openingUntil(release, store);
        DrainAgent agent = waitingAgent(emitter, managed, 4, 100);
        agent.onStart();
        emit(10);
        agent.doWork();
        agent.doWork();
        assertThat(managed.opening()).isTrue();
        new Thread(release::countDown).start();

        agent.onClose();

        assertThat(store.events()).hasSize(10);
        assertThat(agent.persisted()).isEqualTo(10);
        assertThat(store.closes()).isEqualTo(1);
    }

    @Test
    void whenTheFirstOpenFails_whatWaitedIsAppendedAfterALaterOpen_andAFailedAppendCountsItLost() {
        AtomicInteger opens = new AtomicInteger();
        RecordingStore failing = new RecordingStore(n -> new IOException("full"));
        ManagedStore managed = new ManagedStore(
                null,
                () -> {
                    if (opens.incrementAndGet() == 1) {
                        throw new IOException("not yet");
                    }
                    return failing;
                },
                "test (opening)",
                log,
                true);
        DrainAgent agent = waitingAgent(emitter, managed, 4, 100);
        agent.onStart();
        emit(6);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            agent.doWork();
            return opens.get() == 1 && !managed.opening();
        });
        assertThat(managed.available()).as("a failed open: down at once").isFalse();

        now += TimeUnit.MILLISECONDS.toNanos(ManagedStore.MAX_BACKOFF_MILLIS);
        while (agent.doWork() > 0) {
            // reopens, then appends (and fails)
        }

        assertThat(opens).hasValue(2);
        assertThat(agent.lost())
                .as("the first batch of what waited, whose append failed")
                .isEqualTo(4);
        assertThat(agent.persisted()).isZero();
        assertThat(managed.available())
                .as("down again: the rest waits for the backoff")
                .isFalse();

        agent.onClose();
        assertThat(agent.lost())
                .as("at close, the rest is appended, fails and is lost")
                .isEqualTo(6);
    }

    @Test
    void onClose_reportsTheDropsSinceTheLastReport() {
        EventEmitter tiny = new EventEmitter(1, 2);
        DrainAgent agent = reportingAgent(tiny);
        for (int i = 0; i < 5; i++) {
            tiny.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }
        tiny.close();
        tiny.emit(DslEvent.succeeded(9, null, "a.b", 1));

        agent.onClose();

        assertThat(reports).singleElement().satisfies(r -> assertThat(r).containsExactly(3, 1));
        assertThat(agent.persisted()).isEqualTo(2);
    }

    @Test
    void onClose_whenTheStoreCannotBeReopened_countsWhatIsLeftAsLost() {
        ManagedStore.Opener failing = () -> {
            throw new IOException("gone");
        };
        ManagedStore managed = new ManagedStore(new RecordingStore(n -> new IOException("x")), failing, "test", log);
        DrainAgent agent = agent(managed, 1);
        emit(10);
        for (int i = 0; i < ManagedStore.FAILURES_BEFORE_BACKOFF; i++) {
            agent.doWork();
        }
        emitter.close();

        agent.onClose();

        assertThat(agent.lost()).isEqualTo(10);
        assertThat(agent.persisted()).isZero();
    }

    @Test
    void doWork_reportsDropsAtMostOncePerIntervalWithTheCountSinceTheLastReport() {
        EventEmitter tiny = new EventEmitter(1, 2);
        DrainAgent agent = reportingAgent(tiny);
        for (int i = 0; i < 7; i++) {
            tiny.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }
        agent.doWork();
        assertThat(reports).as("not before the interval").isEmpty();

        now += REPORT_NANOS;
        agent.doWork();
        for (int i = 0; i < 9; i++) {
            tiny.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }
        agent.doWork();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).containsExactly(5, 0);

        now += REPORT_NANOS;
        agent.doWork();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1)).containsExactly(7, 0);

        now += REPORT_NANOS;
        agent.doWork();
        assertThat(reports).as("no drops, no report").hasSize(2);
    }

    @Test
    void managedStore_closingAStoreThatThrows_recordsTheFailure() {
        EventStore throwingOnClose = new RecordingStore() {
            @Override
            public void close() {
                throw new IllegalStateException("close failed");
            }
        };
        ManagedStore managed = new ManagedStore(throwingOnClose, null, "test", log);

        managed.close();

        assertThat(managed.failures()).isEqualTo(1);
        assertThat(managed.lastError()).contains("close failed");
    }

    @Test
    void onError_tellsTheOperatorOnceThroughTheDrainTopic() {
        DrainAgent agent = agent(new ManagedStore(new RecordingStore(), null, "test", log), 10);

        agent.onError(new IllegalStateException("boom"));
        agent.onError(new IllegalStateException("boom"));

        assertThat(logged.lines)
                .containsExactly("WARN the drain failed and starts over: java.lang.IllegalStateException: boom");
    }

    @Test
    void doWork_reportsDropsExactlyWhenTheIntervalHasPassed() {
        EventEmitter tiny = new EventEmitter(1, 2);
        DrainAgent agent = reportingAgent(tiny);
        for (int i = 0; i < 5; i++) {
            tiny.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }

        now += REPORT_NANOS - 1;
        agent.doWork();
        assertThat(reports).as("one nanosecond early").isEmpty();
        now += 1;
        agent.doWork();
        assertThat(reports).singleElement().satisfies(r -> assertThat(r).containsExactly(3, 0));
    }

    @Test
    void roleName_isTheDrainThreadsName() {
        assertThat(agent(new ManagedStore(new RecordingStore(), null, "test", log), 1)
                        .roleName())
                .isEqualTo("telltale-drain");
    }

    @Test
    void doWork_withNothingToTake_appendsNoEmptyBatch_butAFlushAloneCountsAsWork() {
        RecordingStore store = new RecordingStore();
        DrainAgent agent = agent(new ManagedStore(store, null, "test", log), 10);

        assertThat(agent.doWork()).isZero();
        assertThat(store.appends()).as("no empty batch").isZero();
        emit(3);
        assertThat(agent.doWork()).isEqualTo(3);
        now += FLUSH_NANOS;

        assertThat(agent.doWork()).as("the flush").isEqualTo(1);
        assertThat(store.flushes()).isEqualTo(1);
        assertThat(store.appends()).isEqualTo(1);
    }

    @Test
    void reportDrops_reportsEachReasonsCountSinceTheLastReport() {
        EventEmitter tiny = new EventEmitter(1, 2);
        DrainAgent agent = reportingAgent(tiny);
        for (int i = 0; i < 4; i++) {
            tiny.emit(DslEvent.succeeded(i, null, "a.b", 1)); // 2 accepted, 2 full
        }
        now += REPORT_NANOS;
        agent.doWork();
        tiny.close();
        for (int i = 0; i < 3; i++) {
            tiny.emit(DslEvent.succeeded(i, null, "a.b", 1)); // 3 closed
        }
        now += REPORT_NANOS;
        agent.doWork();

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).containsExactly(2, 0);
        assertThat(reports.get(1)).containsExactly(0, 3);
    }

    @Test
    void appendingWhatWaited_whenTheWholeBatchFails_countsItLostAndFlushesNothing() {
        RecordingStore store = new RecordingStore(n -> n == 1 ? new IOException("disk gone") : null);
        DrainAgent agent = tenWaitedForTheFirstOpenOf(store);

        agent.doWork();
        now += FLUSH_NANOS;
        agent.doWork();

        assertThat(agent.lost()).isEqualTo(10);
        assertThat(agent.persisted()).isZero();
        assertThat(store.flushes())
                .as("nothing was appended, so nothing to flush")
                .isZero();
    }

    @Test
    void onClose_whenTheFirstOpenNeverWorks_countsTheEventsThatWaitedAsLost() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ManagedStore managed = new ManagedStore(
                null,
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted", e);
                    }
                    throw new IOException("no such directory");
                },
                "test (opening)",
                log,
                true);
        EventEmitter small = new EventEmitter(1, 16);
        DrainAgent agent = waitingAgent(small, managed, 4, 100);
        agent.onStart();
        emitTo(small, 6);
        agent.doWork();
        assertThat(agent.pendingInMemory()).as("waiting for the first open").isEqualTo(6);
        release.countDown();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !managed.opening());
        small.close();

        agent.onClose();

        assertThat(agent.lost()).isEqualTo(6);
        assertThat(agent.persisted()).isZero();
        assertThat(agent.pendingInMemory()).isZero();
    }
}
