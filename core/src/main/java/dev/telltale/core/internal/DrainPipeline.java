package dev.telltale.core.internal;

import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreConfig;
import java.time.Duration;

/**
 * The drain side of Telltale, wired together: a {@link DrainAgent} moving events from an
 * {@link EventEmitter} to a {@link ManagedStore}, run by an {@link AgentRunner} on the thread
 * {@code telltale-drain}. Any thread may read its counters; {@link #close} is called once.
 */
public final class DrainPipeline {

    /** Spins before the drain starts yielding: few, so an idle drain does not burn a core. */
    static final int IDLE_SPINS = 16;
    /** Yields before it starts parking. */
    static final int IDLE_YIELDS = 4;
    /** The first park; lets a batch build up rather than chasing producers event by event. */
    static final long IDLE_MIN_PARK_NANOS = 20_000;
    /** The longest park; after it the drain sleeps until an event is accepted. */
    static final long IDLE_MAX_PARK_NANOS = 1_000_000;
    /**
     * The longest sleep until work: an idle drain wakes twice a second for its chores (flush,
     * drop report, clock recalibration, reopening a failed store), at no measurable CPU cost.
     */
    static final long IDLE_SLEEP_NANOS = 500_000_000;

    /** The most events that wait in memory for the store's first open: {@value}, fewer on a small heap. */
    static final int MAX_WAITING = 1 << 21;

    private final ManagedStore store;
    private final DrainAgent agent;
    private final AgentRunner runner;
    private final Redaction redaction;

    /**
     * Starts draining into a store already open.
     */
    public DrainPipeline(
            EventEmitter emitter,
            EventStore store,
            int batchSize,
            Duration flushInterval,
            Duration dropReportInterval,
            OperatorLog log,
            Redaction redaction) {
        this(
                emitter,
                new ManagedStore(store, null, null, log),
                batchSize,
                flushInterval,
                dropReportInterval,
                log,
                redaction);
    }

    /**
     * Starts draining into the store {@code storeConfig} names, which the drain thread opens (never the
     * caller's thread); until it is open, events wait in the queue.
     */
    public DrainPipeline(
            EventEmitter emitter,
            StoreConfig storeConfig,
            int batchSize,
            Duration flushInterval,
            Duration dropReportInterval,
            OperatorLog log,
            Redaction redaction) {
        this(
                emitter,
                new ManagedStore(null, () -> StoreLoader.open(storeConfig), storeConfig + " (opening)", log, true),
                batchSize,
                flushInterval,
                dropReportInterval,
                log,
                redaction);
    }

    private DrainPipeline(
            EventEmitter emitter,
            ManagedStore store,
            int batchSize,
            Duration flushInterval,
            Duration dropReportInterval,
            OperatorLog log,
            Redaction redaction) {
        this.store = store;
        this.redaction = redaction;
        this.agent = new DrainAgent(
                        emitter,
                        store,
                        batchSize,
                        flushInterval.toNanos(),
                        dropReportInterval.toNanos(),
                        System::nanoTime,
                        DropReporter.logging(log),
                        log,
                        waitingLimit(Runtime.getRuntime().maxMemory()))
                .redacting(redaction);
        this.runner = new AgentRunner(
                agent,
                new BackoffIdleStrategy(
                        IDLE_SPINS,
                        IDLE_YIELDS,
                        IDLE_MIN_PARK_NANOS,
                        IDLE_MAX_PARK_NANOS,
                        emitter::sleepUntilWork,
                        IDLE_SLEEP_NANOS,
                        batchSize));
        runner.start();
    }

    /**
     * How many events may wait in memory while the store's first open is under way: {@link #MAX_WAITING}
     * (two seconds of a million events a second: a cold Chronicle queue takes most of one to open here,
     * and cold code most of another to catch up), or
     * what a sixteenth of the heap holds ({@link HeapBudget}).
     */
    static int waitingLimit(long maxHeapBytes) {
        return (int) Math.min(MAX_WAITING, HeapBudget.eventsIn(maxHeapBytes / 16));
    }

    /**
     * Stops the drain after it has written everything in the queue, flushed and closed the store.
     * Close the emitter first.
     *
     * @return {@code true} if that finished within the timeout
     */
    public boolean close(Duration timeout) throws InterruptedException {
        return runner.close(timeout);
    }

    public long redacted() {
        return redaction.redacted();
    }

    /** Events the store accepted. */
    public long persisted() {
        return agent.persisted();
    }

    public long lost() {
        return agent.lost();
    }

    public long storeFailures() {
        return store.failures();
    }

    public String lastStoreError() {
        return store.lastError();
    }

    public boolean storeAvailable() {
        return store.available();
    }

    /** Whether the store failed within the last minute, even if it works again now. */
    public boolean storeFailedRecently() {
        return store.failedRecently(System.nanoTime());
    }

    public String storeDescription() {
        return store.description();
    }

    public boolean drainAlive() {
        return runner.isAlive();
    }

    public long drainRestarts() {
        return runner.restarts();
    }
}
