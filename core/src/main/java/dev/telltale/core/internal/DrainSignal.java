package dev.telltale.core.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Lets an idle drain sleep until there is work, rather than waking a thousand times a second to
 * look: the drain announces that it sleeps, looks once more, and parks; a producer whose offer
 * succeeded wakes it if it has announced so.
 *
 * <p>No wake-up is lost: a producer's offer CASes its stripe's producer index (a full fence) before
 * it reads {@link #sleeper}, and the drain writes {@link #sleeper} (volatile) before it reads the
 * producer indexes. So either the producer sees the sleeper and unparks it, or the drain sees the
 * event and does not park. The park is bounded anyway, so the drain's periodic chores still run.
 *
 * <p>Cost to producers: one volatile read per accepted event (a plain load on x86); an unpark only
 * for the first event after the drain went to sleep (at most once per sleep: the first waker clears
 * the sleeper).
 */
final class DrainSignal {

    /** The drain thread while it sleeps, else {@code null}. */
    private volatile Thread sleeper;

    /** Producer side, after an accepted offer: wakes the drain if it sleeps. */
    void wake() {
        Thread thread = sleeper;
        if (thread != null) {
            sleeper = null;
            LockSupport.unpark(thread);
        }
    }

    /**
     * Drain side: sleeps at most {@code maxNanos}, or not at all if {@code queue} holds something, or
     * until a producer wakes it.
     */
    void sleep(StripedEventQueue queue, long maxNanos) {
        sleeper = Thread.currentThread();
        if (queue.isEmpty()) {
            LockSupport.parkNanos(this, maxNanos);
        }
        sleeper = null;
    }

    /** Whether the drain announced that it sleeps; for tests. */
    boolean sleeping() {
        return sleeper != null;
    }
}
