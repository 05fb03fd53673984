package dev.telltale.api;

/**
 * Counters since the recorder started. A snapshot read while threads emit is consistent enough
 * for monitoring ({@code emitted} is read last, so it never trails the other counts); once emitting
 * has stopped and the drain has caught up, it is exact, and then
 * {@code emitted == persisted + dropped + lost} with {@code pending == 0}.
 *
 * @param emitted calls to {@code emit}, accepted or not
 * @param droppedQueueFull dropped because the calling thread's queue stripe was full
 * @param droppedClosed dropped because Telltale was closed (or closing)
 * @param droppedNull {@code null} events handed to {@code emit}
 * @param persisted events the store accepted
 * @param lost events in batches the store failed to append
 * @param pending events accepted but not yet persisted or lost: in the queue or in the drain's hands
 * @param capacity how many events the queue holds in all
 * @param stripes how many stripes the queue has
 * @param storeFailures failed appends, flushes and reopens of the store
 * @param drainRestarts times the drain loop failed and started over
 * @param redacted secrets replaced by {@code [REDACTED:rule]} before they were persisted
 */
public record EventStats(
        long emitted,
        long droppedQueueFull,
        long droppedClosed,
        long droppedNull,
        long persisted,
        long lost,
        long pending,
        int capacity,
        int stripes,
        long storeFailures,
        long drainRestarts,
        long redacted) {

    /** The stats of a Telltale that is switched off: all zero. */
    public static final EventStats NONE = new EventStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Events dropped for any reason. */
    public long dropped() {
        return droppedQueueFull + droppedClosed + droppedNull;
    }

    /** Dropped events as a share of emitted ones, from 0 to 1; 0 before the first emit. */
    public double dropRate() {
        return emitted == 0 ? 0.0 : (double) dropped() / emitted;
    }
}
