package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import dev.telltale.api.SessionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventRingTest {

    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static List<DslEvent> drainAll(EventRing ring) {
        List<DslEvent> out = new ArrayList<>();
        ring.drain(out::add, Integer.MAX_VALUE);
        return out;
    }

    @Test
    void offerSucceeded_isDrainedAsTheEventItsPartsMake() {
        EventRing ring = new EventRing(4);

        assertThat(ring.offerSucceeded(123L, SESSION, "cbu.create", 45L)).isTrue();
        assertThat(ring.offerSucceeded(124L, null, "cbu.list", 0L)).isTrue();

        assertThat(drainAll(ring))
                .containsExactly(
                        DslEvent.succeeded(123L, SESSION, "cbu.create", 45L),
                        DslEvent.succeeded(124L, null, "cbu.list", 0L));
    }

    @Test
    void eventsAndParts_keepTheOrderTheyWereOfferedIn_acrossManyWrapArounds() {
        EventRing ring = new EventRing(4);
        DslEvent started = DslEvent.sessionStarted(1L, SESSION, SessionSource.REPL);
        for (int round = 0; round < 1000; round++) {
            assertThat(ring.offer(started)).isTrue();
            assertThat(ring.offerSucceeded(round, SESSION, "v" + round, round)).isTrue();
            assertThat(ring.offerSucceeded(round, null, "w", 2L * round)).isTrue();

            assertThat(drainAll(ring))
                    .as("round %d", round)
                    .containsExactly(
                            started,
                            DslEvent.succeeded(round, SESSION, "v" + round, round),
                            DslEvent.succeeded(round, null, "w", 2L * round));
        }
        assertThat(ring.accepted()).isEqualTo(3000);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void aFullRing_refusesUntilTheDrainTakesSome_thenTakesExactlyThatMany() {
        EventRing ring = new EventRing(8);
        for (int i = 0; i < 8; i++) {
            assertThat(ring.offerSucceeded(i, null, "a", i)).as("offer %d", i).isTrue();
        }

        assertThat(ring.offerSucceeded(8, null, "a", 8)).as("ninth offer").isFalse();
        assertThat(ring.offer(DslEvent.succeeded(8, null, "a", 8)))
                .as("ninth event")
                .isFalse();
        assertThat(ring.size()).isEqualTo(8);

        List<DslEvent> firstThree = new ArrayList<>();
        assertThat(ring.drain(firstThree::add, 3)).isEqualTo(3);
        assertThat(firstThree).extracting(DslEvent::epochNanos).containsExactly(0L, 1L, 2L);
        for (int i = 8; i < 11; i++) {
            assertThat(ring.offerSucceeded(i, null, "a", i))
                    .as("offer %d after the drain", i)
                    .isTrue();
        }
        assertThat(ring.offerSucceeded(11, null, "a", 11)).isFalse();

        assertThat(drainAll(ring)).extracting(DslEvent::epochNanos).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(ring.accepted()).isEqualTo(11);
    }

    @Test
    void drain_withoutASink_discardsAndFreesTheSlots() {
        EventRing ring = new EventRing(2);
        ring.offerSucceeded(1, null, "a", 1);
        ring.offerSucceeded(2, null, "a", 2);

        assertThat(ring.drain(null, 10)).isEqualTo(2);

        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.size()).isZero();
        assertThat(ring.offerSucceeded(3, null, "a", 3)).isTrue();
        assertThat(drainAll(ring)).extracting(DslEvent::epochNanos).containsExactly(3L);
    }

    @Test
    void sizeAndIsEmpty_followOffersAndDrains() {
        EventRing ring = new EventRing(16);
        assertThat(ring.isEmpty()).isTrue();

        ring.offerSucceeded(1, null, "a", 1);
        ring.offer(DslEvent.succeeded(2, null, "a", 2));

        assertThat(ring.isEmpty()).isFalse();
        assertThat(ring.size()).isEqualTo(2);
        ring.drain(null, 1);
        assertThat(ring.size()).isEqualTo(1);
        assertThat(ring.drain(null, 0)).as("a limit of 0 takes nothing").isZero();
        assertThat(ring.size()).isEqualTo(1);
    }

    @Test
    void capacity_isRoundedUpToAPowerOfTwo_andBounded() {
        assertThat(new EventRing(2).capacity()).isEqualTo(2);
        assertThat(new EventRing(3).capacity()).isEqualTo(4);
        assertThat(new EventRing(1000).capacity()).isEqualTo(1024);
        assertThatThrownBy(() -> new EventRing(1)).hasMessage("capacity must be at least 2, got 1");
        assertThatThrownBy(() -> new EventRing((1 << 29) + 1))
                .hasMessage("capacity must be at most 2^29, got 536870913");
    }

    /**
     * Producers fill slots while the drain takes them, on a small ring that wraps thousands of times:
     * every event arrives once, whole (its parts all from the same offer), in its producer's order.
     * A slot published before its parts are written, or freed before they are read, shows up here as
     * an event whose parts do not match.
     */
    @Test
    void manyProducersAndOneDrain_deliverEveryEventOnceWholeAndInEachProducersOrder() throws Exception {
        EventRing ring = new EventRing(64);
        int producers = 4;
        int perProducer = 200_000;
        UUID[] sessions = new UUID[producers];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int p = 0; p < producers; p++) {
            UUID session = new UUID(p, p);
            sessions[p] = session;
            String verb = "p" + p;
            DslEvent[] events = new DslEvent[perProducer];
            for (int i = 0; i < perProducer; i += 3) {
                events[i] = DslEvent.succeeded(i, session, verb, 3L * i);
            }
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perProducer; i++) {
                        // Every third as an event object, the rest as parts; a full ring is retried.
                        while (!(i % 3 == 0 ? ring.offer(events[i]) : ring.offerSucceeded(i, session, verb, 3L * i))) {
                            if (stop.get()) {
                                return;
                            }
                            Thread.onSpinWait();
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            threads.add(thread);
            thread.start();
        }
        long[] next = new long[producers];
        long total = 0;
        List<String> wrong = new ArrayList<>();
        go.countDown();
        while (total < (long) producers * perProducer && wrong.isEmpty()) {
            total += ring.drain(
                    event -> {
                        EventPayload.CommandSucceeded command = (EventPayload.CommandSucceeded) event.payload();
                        int p = Integer.parseInt(command.verb().substring(1));
                        long i = event.epochNanos();
                        if (i != next[p]
                                || command.durationNanos() != 3 * i
                                || !sessions[p].equals(event.sessionId())) {
                            wrong.add("producer " + p + " expected #" + next[p] + ", got " + event);
                        }
                        next[p] = i + 1;
                    },
                    256);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failure.get()).isNull();
        assertThat(wrong).as("events that arrived out of order or not whole").isEmpty();
        assertThat(next).containsOnly(perProducer);
        assertThat(ring.accepted()).isEqualTo((long) producers * perProducer);
        assertThat(ring.isEmpty()).isTrue();
    }
}
