package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripedEventQueueTest {

    @SuppressWarnings("deprecation") // Thread.getId(), as the queue uses it
    private static int stripeOfThread(Thread thread) {
        return (int) thread.getId() & 3;
    }

    /**
     * Fills each of 4 stripes with 3 events whose epoch nanos say their stripe (from a thread whose id
     * selects that stripe), then drains 5 at a time: each drain starts one stripe further than the
     * last, takes a stripe's events before the next stripe's, and stops at its limit.
     */
    @Test
    void drain_startsOneStripeFurtherEachTime_andTakesStripesInTurnUpToTheLimit() throws Exception {
        StripedEventQueue queue = new StripedEventQueue(4, 8);
        boolean[] filled = new boolean[4];
        int filledCount = 0;
        while (filledCount < 4) {
            int[] stripe = new int[1];
            Thread thread = new Thread(() -> {
                stripe[0] = stripeOfThread(Thread.currentThread());
                if (!filled[stripe[0]]) {
                    for (int i = 0; i < 3; i++) {
                        queue.offer(DslEvent.succeeded(stripe[0], null, "s", i));
                    }
                }
            });
            thread.start();
            thread.join();
            if (!filled[stripe[0]]) {
                filled[stripe[0]] = true;
                filledCount++;
            }
        }
        assertThat(queue.size()).isEqualTo(12);

        List<Long> first = new ArrayList<>();
        assertThat(queue.drain(e -> first.add(e.epochNanos()), 5)).isEqualTo(5);
        List<Long> second = new ArrayList<>();
        assertThat(queue.drain(e -> second.add(e.epochNanos()), 5)).isEqualTo(5);
        List<Long> third = new ArrayList<>();
        assertThat(queue.drain(e -> third.add(e.epochNanos()), 5)).isEqualTo(2);

        assertThat(first).containsExactly(0L, 0L, 0L, 1L, 1L);
        assertThat(second).as("starts at stripe 1").containsExactly(1L, 2L, 2L, 2L, 3L);
        assertThat(third).as("starts at stripe 2, empty; then 3").containsExactly(3L, 3L);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.accepted()).isEqualTo(12);
    }

    @Test
    void offersFromOneThread_goToOneStripe() {
        StripedEventQueue queue = new StripedEventQueue(4, 2);

        assertThat(queue.offer(DslEvent.succeeded(1, null, "s", 1))).isTrue();
        assertThat(queue.offerSucceeded(2, null, "s", 2)).isTrue();

        assertThat(queue.offer(DslEvent.succeeded(3, null, "s", 3)))
                .as("this thread's stripe of 2 is full")
                .isFalse();
        assertThat(queue.offerSucceeded(4, null, "s", 4)).isFalse();
        assertThat(queue.capacity()).isEqualTo(8);
    }
}
