package dev.telltale.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** Logs one warning per kind of drop. */
    static DropReporter logging() {
        Logger log = LoggerFactory.getLogger(DropReporter.class);
        return (newQueueFull, newClosed, emitter) -> {
            if (newQueueFull > 0) {
                log.warn("Telltale dropped {} events since the last report because the queue was full "
                                + "({} stripes x {} events); {} dropped in all. Raise the buffer size, or make the "
                                + "store faster.",
                        newQueueFull, emitter.stripes(), emitter.stripeCapacity(), emitter.dropped());
            }
            if (newClosed > 0) {
                log.warn("Telltale dropped {} events emitted after close()", newClosed);
            }
        };
    }
}
