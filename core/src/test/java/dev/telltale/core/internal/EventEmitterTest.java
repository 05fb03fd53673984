package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.telltale.api.DslEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventEmitterTest {

    private static DslEvent event(String verb, long seq) {
        return DslEvent.succeeded(seq, null, verb, seq);
    }

    private static List<DslEvent> drainAll(EventEmitter emitter) {
        List<DslEvent> out = new ArrayList<>();
        while (emitter.drainTo(out::add, 1000) > 0) {
            // keep draining
        }
        return out;
    }

    @Test
    void emit_whenQueueFull_dropsAndCountsQueueFull() {
        EventEmitter emitter = new EventEmitter(1, 8);
        int capacity = emitter.capacity();

        for (int i = 0; i < capacity + 5; i++) {
            emitter.emit(event("a.b", i));
        }

        assertThat(emitter.dropped(DropReason.QUEUE_FULL)).isEqualTo(5);
        assertThat(emitter.emitted()).isEqualTo(capacity + 5);
        assertThat(drainAll(emitter)).hasSize(capacity);
    }

    @Test
    void emit_afterClose_dropsAndCountsClosed() {
        EventEmitter emitter = new EventEmitter(2, 16);
        emitter.emit(event("a.b", 1));
        emitter.close();

        emitter.emit(event("a.b", 2));
        emitter.emit(event("a.b", 3));

        assertThat(emitter.dropped(DropReason.CLOSED)).isEqualTo(2);
        assertThat(emitter.dropped(DropReason.QUEUE_FULL)).isZero();
        assertThat(drainAll(emitter)).extracting(DslEvent::epochNanos).containsExactly(1L);
    }

    @Test
    void emit_whenEventIsNull_countsAndDoesNotThrow() {
        EventEmitter emitter = new EventEmitter(1, 16);

        assertThatCode(() -> emitter.emit(null)).doesNotThrowAnyException();

        assertThat(emitter.dropped(DropReason.NULL_EVENT)).isEqualTo(1);
        assertThat(emitter.emitted()).isEqualTo(1);
        assertThat(drainAll(emitter)).isEmpty();
    }

    @Test
    void emit_fromOneThread_keepsItsOrder() {
        EventEmitter emitter = new EventEmitter(8, 4096);
        for (int i = 0; i < 3000; i++) {
            emitter.emit(event("a.b", i));
        }

        List<DslEvent> drained = drainAll(emitter);

        assertThat(drained)
                .extracting(DslEvent::epochNanos)
                .containsExactlyElementsOf(
                        () -> java.util.stream.LongStream.range(0, 3000).boxed().iterator());
    }

    @Test
    void emit_fromThreadsThatComeAndGo_losesNothingAndKeepsEachThreadsOrder() throws Exception {
        EventEmitter emitter = new EventEmitter(4, 1 << 14);
        int threads = 200;
        int perThread = 50;
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String verb = "thread.t" + t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    emitter.emit(event(verb, i));
                }
                done.countDown();
            });
            started.add(thread);
            thread.start();
        }
        done.await();
        for (Thread thread : started) {
            thread.join();
        }

        List<DslEvent> drained = drainAll(emitter);

        assertThat(drained).hasSize(threads * perThread);
        assertThat(emitter.dropped()).isZero();
        Map<String, Long> lastSeen = new HashMap<>();
        for (DslEvent e : drained) {
            String verb = ((dev.telltale.api.EventPayload.CommandSucceeded) e.payload()).verb();
            Long previous = lastSeen.put(verb, e.epochNanos());
            assertThat(previous == null ? -1 : previous).as("order of %s", verb).isLessThan(e.epochNanos());
        }
        assertThat(emitter.stripes()).isEqualTo(4);
    }

    @Test
    void emitted_withManyProducersAndDrops_equalsAcceptedPlusDropped() throws Exception {
        EventEmitter emitter = new EventEmitter(2, 64);
        int threads = 4;
        int perThread = 100_000;
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                UUID session = UUID.randomUUID();
                for (int i = 0; i < perThread; i++) {
                    emitter.emit(DslEvent.succeeded(i, session, "x.y", 1));
                }
            });
            producers.add(thread);
            thread.start();
        }
        long drained = 0;
        while (producers.stream().anyMatch(Thread::isAlive)) {
            drained += emitter.drainTo(e -> {}, 128);
        }
        drained += drainAll(emitter).size();

        assertThat(emitter.emitted()).isEqualTo((long) threads * perThread);
        assertThat(drained + emitter.dropped(DropReason.QUEUE_FULL)).isEqualTo((long) threads * perThread);
        assertThat(emitter.dropped(DropReason.QUEUE_FULL)).isPositive();
    }

    @Test
    void sweepStranded_countsLeftoversAsClosedDropsWithoutDoubleCounting() {
        EventEmitter emitter = new EventEmitter(1, 16);
        emitter.emit(event("a.b", 1));
        emitter.emit(event("a.b", 2));
        emitter.close();

        assertThat(emitter.sweepStranded()).isEqualTo(2);

        assertThat(emitter.dropped(DropReason.CLOSED)).isEqualTo(2);
        assertThat(emitter.emitted()).isEqualTo(2);
        assertThat(emitter.drainTo(event -> {}, 100))
                .as("nothing left to drain")
                .isZero();
    }

    @Test
    void queue_roundsStripesAndCapacityUpToPowersOfTwo() {
        EventEmitter emitter = new EventEmitter(3, 100);

        assertThat(emitter.stripes()).isEqualTo(4);
        assertThat(emitter.stripeCapacity()).isEqualTo(128);
        assertThat(emitter.capacity()).isEqualTo(512);
    }

    @Test
    void emitSucceeded_handsOverTheEventItsPartsMake_andCountsLikeEmit() {
        EventEmitter emitter = new EventEmitter(1, 2);
        UUID session = UUID.randomUUID();

        emitter.emitSucceeded(10L, session, "cbu.create", 5L);
        emitter.emitSucceeded(11L, null, "cbu.list", 0L);
        emitter.emitSucceeded(12L, null, "cbu.full", 1L);
        emitter.close();
        emitter.emitSucceeded(13L, null, "cbu.closed", 1L);

        assertThat(emitter.emitted()).isEqualTo(4);
        assertThat(emitter.dropped(DropReason.QUEUE_FULL)).isEqualTo(1);
        assertThat(emitter.dropped(DropReason.CLOSED)).isEqualTo(1);
        assertThat(drainAll(emitter))
                .containsExactly(
                        DslEvent.succeeded(10L, session, "cbu.create", 5L),
                        DslEvent.succeeded(11L, null, "cbu.list", 0L));
    }

    @Test
    void emitSucceeded_withPartsThatMakeNoEvent_dropsThemAsNullEventsWithoutThrowing() {
        EventEmitter emitter = new EventEmitter(1, 16);

        assertThatCode(() -> {
                    emitter.emitSucceeded(1L, null, null, 1L);
                    emitter.emitSucceeded(1L, null, " \t", 1L);
                    emitter.emitSucceeded(1L, null, "", 1L);
                    emitter.emitSucceeded(1L, null, "a.b", -1L);
                })
                .doesNotThrowAnyException();

        assertThat(emitter.dropped(DropReason.NULL_EVENT)).isEqualTo(4);
        assertThat(emitter.emitted()).isEqualTo(4);
        assertThat(drainAll(emitter)).isEmpty();
    }

    /**
     * The caller's side of recording a command allocates nothing: counted by the JVM's per-thread
     * allocation counter over many calls once compiled, against the 56 bytes per call an event
     * object and its payload cost.
     */
    @Test
    void emitSucceeded_allocatesNothingOnTheCallingThread() {
        int calls = 100_000;
        EventEmitter emitter = new EventEmitter(1, calls);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        UUID session = UUID.randomUUID();
        String verb = "cbu.create";
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 10_000; i++) {
                emitter.emitSucceeded(i, session, verb, i);
            }
            emitter.drainTo(null, Integer.MAX_VALUE);
        }

        long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < calls; i++) {
            emitter.emitSucceeded(i, session, verb, i);
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(emitter.dropped()).as("every call accepted").isZero();
        assertThat((double) allocated / calls)
                .as("bytes allocated per call (%d in all)", allocated)
                .isLessThan(1.0);
    }

    @Test
    void dropped_isTheSumOfEveryReason_andClosedIncludesTheSweptStragglers() {
        EventEmitter emitter = new EventEmitter(1, 2);
        emitter.emit(event("a.b", 1));
        emitter.emitSucceeded(2, null, "a.b", 2);
        emitter.emit(event("a.b", 3)); // full
        emitter.emitSucceeded(4, null, "a.b", 4); // full
        emitter.emitSucceeded(5, null, "a.b", 5); // full
        emitter.emit(null); // null
        emitter.close();
        emitter.emit(event("a.b", 6)); // closed
        emitter.sweepStranded(); // the 2 accepted: closed (stranded)

        assertThat(emitter.dropped(DropReason.QUEUE_FULL)).isEqualTo(3);
        assertThat(emitter.dropped(DropReason.NULL_EVENT)).isEqualTo(1);
        assertThat(emitter.dropped(DropReason.CLOSED)).isEqualTo(3);
        assertThat(emitter.dropped()).isEqualTo(7);
        assertThat(emitter.emitted()).isEqualTo(7);
    }

    @Test
    void emitSucceeded_wakesASleepingDrain() {
        EventEmitter emitter = new EventEmitter(1, 4);
        Thread sleeper = new Thread(() -> emitter.sleepUntilWork(java.util.concurrent.TimeUnit.HOURS.toNanos(1)));
        sleeper.start();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(emitter::drainSleeping);

        emitter.emitSucceeded(1, null, "wake.up", 1);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !sleeper.isAlive());
    }
}
