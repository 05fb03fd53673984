package dev.telltale.core.internal;

/**
 * What queued events are reckoned to take of the heap: the one place of that rule, which sizes the
 * queue's default, refuses a queue that could not fit, and bounds what waits in memory for a store.
 * Stateless.
 */
public final class HeapBudget {

    /**
     * What one queued event is reckoned to take when the queue is full (its slot, the event and its
     * payload once the drain has made it): {@value} bytes.
     */
    public static final long BYTES_PER_QUEUED_EVENT = 128;

    private HeapBudget() {}

    /** The bytes that {@code events} queued events are reckoned to take. */
    public static long bytesOf(long events) {
        return events * BYTES_PER_QUEUED_EVENT;
    }

    /** How many queued events {@code bytes} hold. */
    public static long eventsIn(long bytes) {
        return bytes / BYTES_PER_QUEUED_EVENT;
    }
}
