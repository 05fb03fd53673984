package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventSink;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The capture path: hands events to the {@link StripedEventQueue} and counts what it cannot hand
 * over. Any thread may call {@link #emit}; only the drain thread calls {@link #drainTo}.
 *
 * <h2>Design</h2>
 * {@code emit} must cost tens of nanoseconds, never block, never throw, and cost no more with many
 * producer threads than with one. Measured on a 16-core machine, one shared JCTools MPSC array
 * costs about 65 ns per offer with one producer but 370 ns with 4 and 1,450 ns with 15, because
 * every producer CASes the same index; per-thread SPSC queues stay near 55–60 ns. Per-thread
 * queues, though, have to be registered, found again (a thread-local lookup on every call), and
 * reclaimed when their thread dies without losing what it left behind, and they cost one queue per
 * virtual thread. Stripes give the same flat cost without any of that: producers pick a stripe by
 * their thread id and contend only when two threads that run at the same moment share a stripe
 * (the default has twice as many stripes as cores). Each stripe keeps its producers' order.
 *
 * <p>Counting: an accepted event is counted by the stripe's producer index, which the offer moves
 * anyway, so the common path does one offer and one volatile read (whether the drain sleeps, see
 * {@link DrainSignal}) and nothing else. A drop increments a
 * {@link LongAdder} for its reason; adders spread contending increments over cells, so counting
 * drops contends no more than the offer itself. Nothing on this path logs or allocates; the drain
 * thread reports drops, rate-limited.
 *
 * <p>Closing: {@link #close()} makes later calls drop with {@link DropReason#CLOSED}. A call that
 * read "open" just before may still land in the queue after the drain's last pass; {@link
 * #sweepStranded()} counts such stragglers as dropped once the drain thread has ended, so the
 * totals still add up.
 */
public final class EventEmitter implements EventSink {

    private final StripedEventQueue queue;
    private final DrainSignal signal = new DrainSignal();
    private final LongAdder droppedQueueFull = new LongAdder();
    private final LongAdder droppedClosed = new LongAdder();
    private final LongAdder droppedNull = new LongAdder();
    /** Accepted events found in the queue after the drain ended; written by the closing thread only. */
    private volatile long stranded;
    // NOTE: volatile so that close() on one thread is seen by emit() on every other; on x86 the read is a plain load.
    private volatile boolean closed;

    /**
     * @param stripes how many queue stripes; rounded up to a power of two
     * @param capacityPerStripe how many events a stripe holds; rounded up to a power of two
     */
    public EventEmitter(int stripes, int capacityPerStripe) {
        this.queue = new StripedEventQueue(stripes, capacityPerStripe);
    }

    /** Accepts the event, or drops and counts it. Never blocks, never throws. */
    @Override
    public void emit(DslEvent event) {
        if (event == null) {
            droppedNull.increment();
        } else if (closed) {
            droppedClosed.increment();
        } else if (queue.offer(event)) {
            signal.wake();
        } else {
            droppedQueueFull.increment();
        }
    }

    /**
     * Accepts a succeeded command as its parts, without an event object (the drain thread makes it),
     * or drops and counts it: an invalid one ({@code null} or blank verb, negative duration) as a
     * {@link DropReason#NULL_EVENT}. Never blocks, never throws, allocates nothing.
     */
    @Override
    public void emitSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        if (verb == null || durationNanos < 0 || verb.isBlank()) {
            droppedNull.increment();
        } else if (closed) {
            droppedClosed.increment();
        } else if (queue.offerSucceeded(epochNanos, sessionId, verb, durationNanos)) {
            signal.wake();
        } else {
            droppedQueueFull.increment();
        }
    }

    /**
     * Drain thread: sleeps at most {@code maxNanos}, or until an event is accepted (not at all if one
     * waits already). See {@link DrainSignal}.
     */
    void sleepUntilWork(long maxNanos) {
        signal.sleep(queue, maxNanos);
    }

    /** Whether the drain sleeps until work; for tests. */
    boolean drainSleeping() {
        return signal.sleeping();
    }

    /** Moves up to {@code limit} accepted events to {@code sink}. Drain thread only. */
    public int drainTo(Consumer<DslEvent> sink, int limit) {
        return queue.drain(sink, limit);
    }

    /** Stops accepting events; later {@link #emit} calls drop with {@link DropReason#CLOSED}. Idempotent. */
    public void close() {
        closed = true;
    }

    /**
     * Counts events left in the queue after the drain's final pass as dropped ({@link
     * DropReason#CLOSED}) and discards them. Call only after {@link #close()} and after the drain
     * thread has ended: it drains the queue from the calling thread.
     *
     * @return how many events were swept
     */
    public int sweepStranded() {
        if (!closed) {
            throw new IllegalStateException("sweepStranded() before close()");
        }
        int swept = queue.drain(null, Integer.MAX_VALUE);
        stranded += swept;
        return swept;
    }

    /**
     * Every call to {@link #emit} since the start: accepted or dropped. Read the drop counts first
     * and this last when you want {@code emitted >= dropped} to hold in a snapshot taken while
     * threads emit.
     */
    public long emitted() {
        return droppedQueueFull.sum() + droppedClosed.sum() + droppedNull.sum() + queue.accepted();
    }

    /** Events dropped for {@code reason} since the start (for CLOSED, including swept stragglers). */
    public long dropped(DropReason reason) {
        return switch (reason) {
            case QUEUE_FULL -> droppedQueueFull.sum();
            case CLOSED -> droppedClosed.sum() + stranded;
            case NULL_EVENT -> droppedNull.sum();
        };
    }

    /** Events dropped for any reason since the start. */
    public long dropped() {
        return droppedQueueFull.sum() + droppedClosed.sum() + droppedNull.sum() + stranded;
    }

    /** How many events all stripes together hold. */
    public int capacity() {
        return queue.capacity();
    }

    /** How many events one stripe holds. */
    public int stripeCapacity() {
        return queue.stripeCapacity();
    }

    /** How many stripes the queue has. */
    public int stripes() {
        return queue.stripeCount();
    }
}
