package dev.telltale.core.internal;

/**
 * Told, at most once per drop-report interval and only on the drain thread, how many events were
 * dropped since the last report. The default logs one warning.
 */
@FunctionalInterface
interface DropReporter {

    /**
     * @param newQueueFull events dropped because the queue was full since the last report
     * @param newClosed events dropped because Telltale was closed since the last report
     * @param emitter the emitter, for its totals and capacity
     */
    void report(long newQueueFull, long newClosed, EventEmitter emitter);

    /** Tells the operator, one warning per kind of drop, through the {@link OperatorLog}'s rate limit. */
    static DropReporter logging(OperatorLog log) {
        return (newQueueFull, newClosed, emitter) -> {
            if (newQueueFull > 0) {
                log.warn(
                        OperatorLog.Topic.DROPS,
                        "dropped " + newQueueFull + " events since the last report because "
                                + "the queue was full (" + emitter.stripes() + " stripes x " + emitter.stripeCapacity()
                                + " events); " + emitter.dropped()
                                + " dropped in all. Raise telltale.buffer-size, or make the "
                                + "store faster.",
                        null);
            }
            if (newClosed > 0) {
                log.warn(OperatorLog.Topic.DROPS, "dropped " + newClosed + " events emitted after close()", null);
            }
        };
    }
}
