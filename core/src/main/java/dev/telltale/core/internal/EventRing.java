package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One stripe of the {@link StripedEventQueue}: a bounded multi-producer, single-consumer ring whose
 * slots producers fill in place, so that a succeeded command is handed over as its parts (start,
 * duration, session, verb) without an event object: the caller allocates nothing. The drain thread
 * builds the {@link DslEvent} when it takes the slot. Any other event travels as the object.
 *
 * <h2>Protocol</h2>
 * The shape is JCTools' {@code MpscArrayQueue}, with a claim between the index and the element:
 * <ol>
 *   <li>a producer claims index {@code p} by CAS on the producer index, after checking against a
 *       cached limit (the consumer index plus the capacity, re-read only when the cache says full);
 *   <li>it writes the slot's plain fields (session, start, duration), then publishes the slot by a
 *       release store of its {@code what} reference (the verb, or the event);
 *   <li>the consumer reads {@code what} with acquire: {@code null} means the slot is not published
 *       yet (a producer between its CAS and its release store), and the drain stops there and takes
 *       it next time; otherwise it reads the fields, clears the references, and advances the
 *       consumer index with a release store, which hands the cleared slot back to producers.
 * </ol>
 * The three indexes sit in one {@code long[]} 128 bytes apart, so producers CASing one and the
 * consumer writing another do not share a cache line (nor with the arrays' headers).
 *
 * <p>Why not JCTools: its queues hold one reference per slot, so a command would need an event
 * object; and on JDK 23+ its use of {@code sun.misc.Unsafe} prints deprecation warnings. This ring
 * uses {@link VarHandle}s only.
 */
final class EventRing {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle REFS = MethodHandles.arrayElementVarHandle(Object[].class);

    /** 16 longs = 128 bytes: two cache lines, as adjacent-line prefetch pairs them. */
    private static final int PAD = 16;

    private static final int PRODUCER_INDEX = PAD;
    private static final int PRODUCER_LIMIT = 2 * PAD;
    private static final int CONSUMER_INDEX = 3 * PAD;

    /** Producer index, cached producer limit, consumer index; each alone on its lines. */
    private final long[] indexes = new long[4 * PAD];
    /** Per slot: [2i] the session id of a command, [2i+1] its verb, or the event; null = free. */
    private final Object[] refs;
    /** Per slot: [2i] the command's start in epoch nanoseconds, [2i+1] its duration. */
    private final long[] times;

    private final int mask;

    /** @param capacity how many events the ring holds; rounded up to a power of two, at least 2 */
    EventRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        if (capacity > 1 << 29) {
            throw new IllegalArgumentException("capacity must be at most 2^29, got " + capacity);
        }
        int slots = Integer.highestOneBit(capacity - 1) << 1;
        this.mask = slots - 1;
        this.refs = new Object[2 * slots];
        this.times = new long[2 * slots];
        LONGS.setRelease(indexes, PRODUCER_LIMIT, (long) slots);
    }

    /** Offers an event; {@code false} when the ring is full. Any thread. */
    boolean offer(DslEvent event) {
        long index = claim();
        if (index < 0) {
            return false;
        }
        REFS.setRelease(refs, 2 * slot(index) + 1, event);
        return true;
    }

    /**
     * Offers a command that returned normally, as its parts; {@code false} when the ring is full.
     * {@code verb} must not be {@code null}. Any thread.
     */
    boolean offerSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        long index = claim();
        if (index < 0) {
            return false;
        }
        int at = 2 * slot(index);
        refs[at] = sessionId;
        times[at] = epochNanos;
        times[at + 1] = durationNanos;
        REFS.setRelease(refs, at + 1, verb);
        return true;
    }

    /** Claims the next index, or returns -1 when the ring is full. */
    private long claim() {
        long limit = (long) LONGS.getVolatile(indexes, PRODUCER_LIMIT);
        long index;
        do {
            index = (long) LONGS.getVolatile(indexes, PRODUCER_INDEX);
            if (index >= limit) {
                limit = (long) LONGS.getVolatile(indexes, CONSUMER_INDEX) + mask + 1;
                if (index >= limit) {
                    return -1;
                }
                LONGS.setRelease(indexes, PRODUCER_LIMIT, limit);
            }
        } while (!LONGS.compareAndSet(indexes, PRODUCER_INDEX, index, index + 1));
        return index;
    }

    private int slot(long index) {
        return (int) index & mask;
    }

    /**
     * Moves up to {@code limit} published events to {@code sink} (or discards them when it is
     * {@code null}), stopping at the first slot claimed but not yet published. Consumer only.
     *
     * @return how many events were taken
     */
    int drain(Consumer<DslEvent> sink, int limit) {
        long consumer = (long) LONGS.getOpaque(indexes, CONSUMER_INDEX);
        int taken = 0;
        while (taken < limit) {
            int at = 2 * slot(consumer);
            Object what = REFS.getAcquire(refs, at + 1);
            if (what == null) {
                break;
            }
            DslEvent event = what instanceof DslEvent given
                    ? given
                    : DslEvent.succeeded(times[at], (UUID) refs[at], (String) what, times[at + 1]);
            refs[at] = null;
            refs[at + 1] = null;
            consumer++;
            LONGS.setRelease(indexes, CONSUMER_INDEX, consumer);
            taken++;
            if (sink != null) {
                sink.accept(event);
            }
        }
        return taken;
    }

    /** Whether no event is claimed or waiting. Any thread. */
    boolean isEmpty() {
        return (long) LONGS.getVolatile(indexes, CONSUMER_INDEX) == (long) LONGS.getVolatile(indexes, PRODUCER_INDEX);
    }

    /** Events claimed and not yet taken. Any thread; a snapshot. */
    int size() {
        // Consumer first: it only grows, so the difference never goes negative.
        long consumer = (long) LONGS.getVolatile(indexes, CONSUMER_INDEX);
        long producer = (long) LONGS.getVolatile(indexes, PRODUCER_INDEX);
        return (int) Math.min(producer - consumer, mask + 1L);
    }

    /** Every event this ring has accepted since it was made. Any thread. */
    long accepted() {
        return (long) LONGS.getVolatile(indexes, PRODUCER_INDEX);
    }

    /** How many events the ring holds. */
    int capacity() {
        return mask + 1;
    }
}
