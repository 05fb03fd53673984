package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A bounded multi-producer, single-consumer queue made of independent stripes, each an
 * {@link EventRing}.
 *
 * <p>Any thread may call {@link #offer}; it goes to the stripe its thread id selects, so a thread's
 * events stay in the order it offered them. Only one thread at a time may call {@link #drain} (the
 * drain thread, or the closer once the drain thread has ended). {@link #size}, {@link #accepted()}
 * and {@link #capacity()} may be called from any thread.
 *
 * <p>Why stripes: with one shared MPSC array every producer CASes the same producer index, so the
 * cost of an offer grows with the number of producers that run at once. Here producers on different
 * stripes share nothing, and a stripe is contended only when two threads running at the same moment
 * select it. Thread ids are assigned in sequence, so a pool of up to {@code stripes} threads usually
 * gets one stripe per thread. Stripes, unlike per-thread queues, need no registration, cannot leak
 * when threads die, and cost nothing per virtual thread.
 */
final class StripedEventQueue {

    private final EventRing[] stripes;
    private final int mask;
    private final int stripeCapacity;
    /** Which stripe the next drain starts at, so no stripe is always last; drain thread only. */
    private int nextDrainStart;

    /**
     * @param stripeCount how many stripes; rounded up to a power of two
     * @param capacityPerStripe how many events one stripe holds; rounded up to a power of two
     */
    StripedEventQueue(int stripeCount, int capacityPerStripe) {
        if (stripeCount < 1) {
            throw new IllegalArgumentException("stripeCount must be positive, got " + stripeCount);
        }
        if (capacityPerStripe < 2) {
            throw new IllegalArgumentException("capacityPerStripe must be at least 2, got " + capacityPerStripe);
        }
        int count = stripeCount == 1 ? 1 : Integer.highestOneBit(stripeCount - 1) << 1;
        this.stripes = new EventRing[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new EventRing(capacityPerStripe);
        }
        this.mask = count - 1;
        this.stripeCapacity = stripes[0].capacity();
    }

    /** Offers an event to the calling thread's stripe; {@code false} when that stripe is full. */
    boolean offer(DslEvent event) {
        return stripes[stripeOf(Thread.currentThread())].offer(event);
    }

    /**
     * Offers a command that returned normally, as its parts, to the calling thread's stripe; {@code
     * false} when that stripe is full. {@code verb} must be valid for {@link DslEvent#succeeded}.
     */
    boolean offerSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        return stripes[stripeOf(Thread.currentThread())].offerSucceeded(epochNanos, sessionId, verb, durationNanos);
    }

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19; the same final field.
    private int stripeOf(Thread thread) {
        return (int) thread.getId() & mask;
    }

    /**
     * Moves up to {@code limit} events to {@code sink} (or discards them when it is {@code null}),
     * taking from each stripe in turn.
     *
     * @return how many events were moved
     */
    int drain(Consumer<DslEvent> sink, int limit) {
        int moved = 0;
        int start = nextDrainStart;
        for (int i = 0; i <= mask && moved < limit; i++) {
            moved += stripes[(start + i) & mask].drain(sink, limit - moved);
        }
        nextDrainStart = (start + 1) & mask;
        return moved;
    }

    /**
     * Whether no stripe holds an event: reads each stripe's consumer and producer indexes (volatile),
     * which an offer's CAS moves before the event lands. Any thread.
     */
    boolean isEmpty() {
        for (EventRing stripe : stripes) {
            if (!stripe.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Events waiting, summed over the stripes; exact only when no thread offers or drains meanwhile. */
    int size() {
        int size = 0;
        for (EventRing stripe : stripes) {
            size += stripe.size();
        }
        return size;
    }

    /**
     * Every event any offer has accepted since the queue was made. Counted by the stripes' producer
     * indexes, which an offer advances anyway, so counting costs the hot path nothing.
     */
    long accepted() {
        long accepted = 0;
        for (EventRing stripe : stripes) {
            accepted += stripe.accepted();
        }
        return accepted;
    }

    /** The number of stripes. */
    int stripeCount() {
        return stripes.length;
    }

    /** How many events one stripe holds. */
    int stripeCapacity() {
        return stripeCapacity;
    }

    /** How many events all stripes together hold. */
    int capacity() {
        return stripeCapacity * stripes.length;
    }
}
