package dev.telltale.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a following export stop cleanly when the process is asked to end (SIGTERM, Ctrl-C): a
 * shutdown hook asks for the stop, then holds the JVM's exit until the export has committed what it
 * read and closed its sink, or {@code grace} has passed. {@link #close()} says the export has finished
 * and removes the hook.
 */
final class StopOnSignal implements AutoCloseable {

    /** How long the hook holds the exit for the export to finish: {@value} seconds. */
    static final long GRACE_SECONDS = 60;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnSignal(Duration grace) {
        hook = new Thread(
                () -> {
                    requested.countDown();
                    try {
                        finished.await(grace.toNanos(), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "telltale-stop");
    }

    /** Installs the hook. */
    static StopOnSignal install() {
        StopOnSignal stop = new StopOnSignal(Duration.ofSeconds(GRACE_SECONDS));
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Asks for the stop, as the signal would (for tests and for callers that stop it themselves). */
    void request() {
        requested.countDown();
    }

    /** Whether a stop was asked for. */
    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code wait} for a stop to be asked for; returns whether it was. */
    boolean await(Duration wait) throws InterruptedException {
        return requested.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The export has finished: lets a held exit go on, removes the hook if the JVM is not exiting already. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, and finishes now.
        }
    }
}
