package dev.telltale.core;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventHealth;
import dev.telltale.api.EventSink;
import dev.telltale.api.EventStats;
import dev.telltale.api.redact.Redactor;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreConfig;
import dev.telltale.core.internal.DrainPipeline;
import dev.telltale.core.internal.DropReason;
import dev.telltale.core.internal.EventEmitter;
import dev.telltale.core.internal.HeapBudget;
import dev.telltale.core.internal.OperatorLog;
import dev.telltale.core.internal.Redaction;
import dev.telltale.core.internal.StoreLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Telltale: the emitter that takes events from any thread, the drain thread that writes
 * them to the store, and their health.
 *
 * <pre>{@code
 * try (Events events = Events.start(EventsConfig.builder()
 *         .store("jsonl").storeOption("path", "events.jsonl")
 *         .overrideFromSystem()
 *         .build())) {
 *     events.emit(DslEvent.succeeded(EventClock.nowEpochNanos(), sessionId, "cbu.create", durationNanos));
 * }
 * }</pre>
 *
 * <p>Any thread may call any method. {@link #emit} never blocks and never throws; {@link #close}
 * is idempotent and waits, at most {@link EventsConfig#closeTimeout()}, for everything accepted to
 * be written and flushed. Unless configured otherwise, a JVM shutdown hook closes a Telltale that
 * the program never closed.
 */
public final class Events implements EventSink, AutoCloseable {

    /** The handle generated code records to; started on first use. */
    private static volatile Events global;

    /** {@code null} when not recording: then {@link #emit} is one branch. */
    private final EventEmitter emitter;

    private final DrainPipeline drain;
    private final EventsConfig config;
    /** Why this handle records nothing although recording was asked for; {@code null} otherwise. */
    private final String failure;

    private final OperatorLog log;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Events(
            EventEmitter emitter,
            DrainPipeline drain,
            EventsConfig config,
            String failure,
            OperatorLog log,
            boolean hook) {
        this.emitter = emitter;
        this.drain = drain;
        this.config = config;
        this.failure = failure;
        this.log = log;
        this.shutdownHook = hook ? new Thread(this::closeAtShutdown, "telltale-shutdown") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Starts Telltale as configured: checks the settings, starts the drain thread, which opens the
     * store. Nothing here waits on I/O: a store named in the configuration is opened on the drain
     * thread, and until it is open events wait in the queue; if it cannot be opened, {@link #health()}
     * says why, the operator is told once, and the drain retries with a backoff. With
     * {@code enabled=false} it starts nothing and returns a handle that records nothing.
     *
     * @throws IllegalArgumentException if a setting cannot work: an unknown store, a store setting that
     *     is missing or wrong, a queue too large for the heap (the message names the setting)
     * @throws IllegalStateException if the store cannot work in this JVM (Chronicle without its JVM
     *     flags: the message names them)
     */
    public static Events start(EventsConfig config) {
        if (!config.enabled()) {
            return new Events(null, null, config, null, null, false);
        }
        OperatorLog log = OperatorLog.create(config.dropReportInterval().toNanos());
        if (!config.warnings().isEmpty()) {
            log.warn(OperatorLog.Topic.START, String.join("; ", config.warnings()), null);
        }
        requireQueueFitsHeap(
                config.stripes(), config.bufferSize(), Runtime.getRuntime().maxMemory());
        EventStore store = config.storeInstance();
        StoreConfig storeConfig = null;
        if (store == null) {
            storeConfig = config.storeConfig();
            StoreLoader.validate(storeConfig);
        }
        EventEmitter emitter = new EventEmitter(config.stripes(), config.bufferSize());
        Redaction redaction =
                config.redact() ? Redaction.of(config.redactRules(), Redactor.installed()) : Redaction.NONE;
        DrainPipeline drain = store != null
                ? new DrainPipeline(
                        emitter,
                        store,
                        config.batchSize(),
                        config.flushInterval(),
                        config.dropReportInterval(),
                        log,
                        redaction)
                : new DrainPipeline(
                        emitter,
                        storeConfig,
                        config.batchSize(),
                        config.flushInterval(),
                        config.dropReportInterval(),
                        log,
                        redaction);
        try {
            return new Events(emitter, drain, config, null, log, config.shutdownHook());
        } catch (RuntimeException | Error e) {
            // No shutdown hook (the JVM is already shutting down): do not leave the drain running.
            emitter.close();
            closeQuietly(drain, config);
            throw e;
        }
    }

    private static void closeQuietly(DrainPipeline drain, EventsConfig config) {
        try {
            drain.close(config.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A handle that records nothing; its {@code emit} is one branch. */
    public static Events disabled() {
        return start(EventsConfig.builder().enabled(false).build());
    }

    /**
     * The process-wide handle that {@code @Instrumented} executors and sessions record to. Started
     * once, on first use, from {@link EventsConfig#fromSystem()} (system properties and environment),
     * so an events build needs no code to start recording. Never throws: a configuration that cannot
     * start (anything thrown, {@link Error}s included) is told to the operator once, on standard error
     * when no SLF4J provider is present, and gives a handle that records nothing and whose
     * {@link #health()} says why; it is not retried.
     */
    public static Events global() {
        Events current = global;
        return current != null ? current : startGlobal();
    }

    /**
     * Makes {@code events} the process-wide handle, for a program that configures Telltale in code,
     * and returns the one it replaces (or {@code null}), which the caller may close.
     */
    public static synchronized Events installGlobal(Events events) {
        Events previous = global;
        global = java.util.Objects.requireNonNull(events, "events");
        return previous;
    }

    /**
     * Closes the process-wide handle, if one was started (everything it accepted is written and flushed,
     * its threads end), and forgets it: the next {@link #global()} starts a new one. For a container
     * that stops Telltale's bundle, or whose stores changed. Returns whether there was one.
     */
    public static boolean closeGlobal() {
        Events closing;
        synchronized (Events.class) {
            closing = global;
            global = null;
        }
        if (closing == null) {
            return false;
        }
        closing.close();
        return true;
    }

    private static synchronized Events startGlobal() {
        if (global == null) {
            try {
                global = start(EventsConfig.fromSystem());
            } catch (Throwable e) {
                global = failedToStart(e);
            }
        }
        return global;
    }

    /** A handle for a start that failed: records nothing, says why in its health, has told the operator. */
    static Events failedToStart(Throwable error) {
        String reason = "recording could not start: " + OperatorLog.summary(error);
        try {
            OperatorLog.create(0)
                    .warn(OperatorLog.Topic.START, reason + "; commands run without being recorded", error);
        } catch (Throwable cannotEvenSayIt) {
            // Nowhere to say it; health() still does.
        }
        return new Events(null, null, null, reason, null, false);
    }

    /**
     * Refuses a queue that, full, would take more than a quarter of the heap: better a clear error at
     * start than an {@link OutOfMemoryError} in the application later.
     */
    static void requireQueueFitsHeap(int stripes, int bufferSize, long maxHeapBytes) {
        long events = ceilPowerOfTwo(stripes) * ceilPowerOfTwo(bufferSize);
        long bytes = HeapBudget.bytesOf(events);
        if (bytes > maxHeapBytes / 4) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "telltale.buffer-size %d with telltale.stripes %d: the queue would hold %,d events, about %,d MiB "
                            + "when full, more than a quarter of the maximum heap (%,d MiB); lower buffer-size or stripes",
                    bufferSize,
                    stripes,
                    events,
                    bytes >> 20,
                    maxHeapBytes >> 20));
        }
    }

    private static long ceilPowerOfTwo(int value) {
        return value <= 1 ? 1 : Long.highestOneBit((long) value - 1) << 1;
    }

    /** Hands an event to the drain, or drops and counts it. Never blocks, never throws. */
    @Override
    public void emit(DslEvent event) {
        EventEmitter target = emitter;
        if (target != null) {
            target.emit(event);
        }
    }

    /**
     * Hands over a command that returned normally as its parts, allocating nothing; see {@link
     * EventSink#emitSucceeded}. Never blocks, never throws.
     */
    @Override
    public void emitSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        EventEmitter target = emitter;
        if (target != null) {
            target.emitSucceeded(epochNanos, sessionId, verb, durationNanos);
        }
    }

    /** Whether this handle records events. */
    public boolean isEnabled() {
        return emitter != null;
    }

    /** The configuration this handle was started with; {@code null} for a handle whose configuration could not be read. */
    public EventsConfig config() {
        return config;
    }

    /** The counters now; see {@link EventStats} for how exact they are. */
    public EventStats stats() {
        if (emitter == null) {
            return EventStats.NONE;
        }
        // Read order matters: persisted and lost, then drops, then emitted last, so that emitted
        // (which only grows) is never smaller than what it is compared to.
        long persisted = drain.persisted();
        long lost = drain.lost();
        long droppedFull = emitter.dropped(DropReason.QUEUE_FULL);
        long droppedClosed = emitter.dropped(DropReason.CLOSED);
        long droppedNull = emitter.dropped(DropReason.NULL_EVENT);
        long emitted = emitter.emitted();
        long pending = Math.max(0, emitted - persisted - lost - droppedFull - droppedClosed - droppedNull);
        return new EventStats(
                emitted,
                droppedFull,
                droppedClosed,
                droppedNull,
                persisted,
                lost,
                pending,
                emitter.capacity(),
                emitter.stripes(),
                drain.storeFailures(),
                drain.drainRestarts(),
                drain.redacted());
    }

    /**
     * The verdict: {@link EventHealth.Status#HEALTHY} while the drop rate is under {@value
     * EventHealth#DEGRADED_DROP_RATE}, the drain thread runs and the store works; otherwise
     * {@link EventHealth.Status#DEGRADED} with the reasons.
     */
    public EventHealth health() {
        if (failure != null) {
            return new EventHealth(EventHealth.Status.DEGRADED, List.of(failure), EventStats.NONE, "none", null);
        }
        if (emitter == null) {
            return new EventHealth(
                    EventHealth.Status.DISABLED,
                    List.of("events are disabled by configuration"),
                    EventStats.NONE,
                    "none",
                    null);
        }
        EventStats stats = stats();
        List<String> reasons = new ArrayList<>();
        if (closed.get()) {
            reasons.add("closed");
        } else {
            if (!drain.drainAlive()) {
                reasons.add("the drain thread is not running");
            }
            if (!drain.storeAvailable()) {
                reasons.add("the store is failing: " + drain.lastStoreError());
            } else if (drain.storeFailedRecently()) {
                reasons.add("the store failed in the last minute (" + drain.storeFailures() + " failures in all): "
                        + drain.lastStoreError());
            }
        }
        if (stats.dropRate() >= EventHealth.DEGRADED_DROP_RATE) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "drop rate %.2f%% (%d of %d events)",
                    stats.dropRate() * 100,
                    stats.dropped(),
                    stats.emitted()));
        }
        if (stats.lost() > 0) {
            reasons.add(stats.lost() + " events lost to store failures");
        }
        EventHealth.Status status = reasons.isEmpty() ? EventHealth.Status.HEALTHY : EventHealth.Status.DEGRADED;
        return new EventHealth(status, reasons, stats, drain.storeDescription(), drain.lastStoreError());
    }

    /**
     * Stops accepting events, writes and flushes everything accepted, closes the store and stops
     * the drain thread, waiting at most {@link EventsConfig#closeTimeout()}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // The JVM is shutting down: the hook may run, and will find us closed.
            }
        }
        if (emitter == null) {
            return;
        }
        emitter.close();
        boolean finished;
        try {
            finished = drain.close(config.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (finished) {
            int stranded = emitter.sweepStranded();
            if (stranded > 0) {
                log.warn(OperatorLog.Topic.DROPS, stranded + " events emitted while closing were dropped", null);
            }
        } else {
            log.warn(
                    OperatorLog.Topic.DRAIN,
                    "the drain did not finish within " + config.closeTimeout() + "; " + stats().pending()
                            + " events may not be persisted",
                    null);
        }
    }

    private void closeAtShutdown() {
        close();
    }
}
