package dev.telltale.core.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one {@link Agent} on one named daemon thread: {@code doWork()}, idle, repeat, until
 * {@link #close}. Whatever a unit of work throws, the runner reports it to the agent and carries
 * on with the next, so the thread does not die with the first failure; it counts those restarts.
 * A failure in {@link Agent#onStart()} or {@link Agent#onClose()} is reported the same way.
 *
 * <p>{@link #start()} and {@link #close} may be called from any thread, once each; everything
 * else happens on the runner's thread. Interrupting the runner's thread does not stop it: only
 * {@link #close} does.
 */
final class AgentRunner {

    private final Agent agent;
    private final IdleStrategy idleStrategy;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    // NOTE: volatile: written by the closer, read by the runner's thread on every loop.
    private volatile boolean running = true;
    // NOTE: single writer (the runner's thread), read by any thread for health.
    private volatile long restarts;

    AgentRunner(Agent agent, IdleStrategy idleStrategy) {
        this.agent = agent;
        this.idleStrategy = idleStrategy;
        this.thread = new Thread(this::run, agent.roleName());
        this.thread.setDaemon(true);
    }

    /** Starts the runner's thread. */
    void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(agent.roleName() + " already started");
        }
        thread.start();
    }

    /**
     * Asks the agent to stop, lets it finish ({@link Agent#onClose()}) and waits for the thread to end.
     *
     * @return {@code true} if the thread ended within the timeout
     */
    boolean close(Duration timeout) throws InterruptedException {
        running = false;
        if (!started.get()) {
            return true;
        }
        // Not interrupt(): an interrupt during FileChannel I/O closes the channel under the store.
        LockSupport.unpark(thread);
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout.toNanos())));
        return !thread.isAlive();
    }

    /** Whether the runner's thread is running. */
    boolean isAlive() {
        return thread.isAlive();
    }

    /** How often a unit of work has failed and the runner started over. */
    long restarts() {
        return restarts;
    }

    /** The runner's thread; for tests and diagnostics. */
    Thread thread() {
        return thread;
    }

    private void run() {
        try {
            agent.onStart();
        } catch (Throwable error) {
            report(error);
        }
        while (running) {
            // Outer loop: even a failure while reporting a failure only restarts the work loop.
            try {
                workLoop();
            } catch (Throwable error) {
                restarts++;
            }
        }
        try {
            agent.onClose();
        } catch (Throwable error) {
            report(error);
        }
    }

    private void workLoop() {
        while (running) {
            int workCount;
            try {
                workCount = agent.doWork();
            } catch (Throwable error) {
                restarts++;
                report(error);
                workCount = 0;
            }
            if (Thread.interrupted() && running) {
                // Someone other than close() interrupted us; only close() stops the runner.
                idleStrategy.reset();
            }
            idleStrategy.idle(workCount);
        }
    }

    private void report(Throwable error) {
        try {
            agent.onError(error);
        } catch (Throwable reportFailed) {
            // Nowhere left to say it; the runner carries on.
        }
    }
}
