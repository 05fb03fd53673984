package dev.telltale.core;

import dev.telltale.api.runtime.EventStats;
import dev.telltale.api.runtime.EventHealth;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EventSink;
import dev.telltale.api.store.EventStore;
import dev.telltale.core.internal.DrainPipeline;
import dev.telltale.core.internal.EventEmitter;
import dev.telltale.core.internal.StoreLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    /** The handle generated code records to; started on first use. */
    private static volatile Events global;

    /** {@code null} when disabled: then {@link #emit} is one branch. */
    private final EventEmitter emitter;
    private final DrainPipeline drain;
    private final EventsConfig config;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Events(EventEmitter emitter, DrainPipeline drain, EventsConfig config, boolean hook) {
        this.emitter = emitter;
        this.drain = drain;
        this.config = config;
        this.shutdownHook = hook ? new Thread(this::closeAtShutdown, "telltale-shutdown") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Starts Telltale as configured: opens the store, starts the drain thread. With
     * {@code enabled=false} it opens nothing and returns a handle that records nothing.
     *
     * @throws IllegalArgumentException if the store is unknown or its settings are wrong
     * @throws UncheckedIOException if the store cannot be opened
     */
    public static Events start(EventsConfig config) {
        if (!config.enabled()) {
            return new Events(null, null, config, false);
        }
        EventStore store = config.storeInstance();
        boolean opened = store == null;
        if (opened) {
            try {
                store = StoreLoader.open(config.storeConfig());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the event store " + config.storeConfig() + ": " + e.getMessage(), e);
            }
        }
        EventEmitter emitter = new EventEmitter(config.stripes(), config.bufferSize());
        DrainPipeline drain = new DrainPipeline(emitter, store, opened ? config.storeConfig() : null,
                config.batchSize(), config.flushInterval(), config.dropReportInterval());
        return new Events(emitter, drain, config, config.shutdownHook());
    }

    /** A handle that records nothing; its {@code emit} is one branch. */
    public static Events disabled() {
        return start(EventsConfig.builder().enabled(false).build());
    }

    /**
     * The process-wide handle that {@code @Instrumented} executors and sessions record to. Started
     * on first use from {@link EventsConfig#fromSystem()} (system properties and environment), so
     * an events build needs no code to start recording; a configuration that cannot start logs one
     * error and gives a disabled handle, never an exception in the executor.
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

    private static synchronized Events startGlobal() {
        if (global == null) {
            try {
                global = start(EventsConfig.fromSystem());
            } catch (RuntimeException e) {
                LOG.error("Telltale: cannot start recording ({}); events are disabled", e.getMessage(), e);
                global = disabled();
            }
        }
        return global;
    }

    /** Hands an event to the drain, or drops and counts it. Never blocks, never throws. */
    @Override
    public void emit(DslEvent event) {
        EventEmitter target = emitter;
        if (target != null) {
            target.emit(event);
        }
    }

    /** Whether this handle records events. */
    public boolean isEnabled() {
        return emitter != null;
    }

    /** The configuration this handle was started with. */
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
        return new EventStats(emitted, droppedFull, droppedClosed, droppedNull, persisted, lost, pending,
                emitter.capacity(), emitter.stripes(), drain.storeFailures(), drain.drainRestarts());
    }

    /**
     * The verdict: {@link EventHealth.Status#HEALTHY} while the drop rate is under {@value
     * EventHealth#DEGRADED_DROP_RATE}, the drain thread runs and the store works; otherwise
     * {@link EventHealth.Status#DEGRADED} with the reasons.
     */
    public EventHealth health() {
        if (emitter == null) {
            return new EventHealth(EventHealth.Status.DISABLED, List.of("events are disabled by configuration"),
                    EventStats.NONE, "none", null);
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
            }
        }
        if (stats.dropRate() >= EventHealth.DEGRADED_DROP_RATE) {
            reasons.add(String.format(java.util.Locale.ROOT, "drop rate %.2f%% (%d of %d events)",
                    stats.dropRate() * 100, stats.dropped(), stats.emitted()));
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
                LOG.warn("Telltale: {} events emitted while closing were dropped", stranded);
            }
        } else {
            LOG.warn("Telltale: the drain did not finish within {}; {} events may not be persisted",
                    config.closeTimeout(), stats().pending());
        }
    }

    private void closeAtShutdown() {
        close();
    }
}
