package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreAppendException;
import dev.telltale.core.internal.OperatorLog.Topic;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The drain's hold on its {@link EventStore}: opening it, and what to do when it fails. Drain thread
 * only, except the volatile status fields, which any thread may read.
 *
 * <p>A store named in the configuration is opened here, never on a caller's thread. The first open
 * runs on a thread of its own ({@code telltale-open}: a cold Chronicle queue takes most of a second),
 * so that meanwhile the drain can move events out of the queue to wait in memory ({@link #opening()});
 * later reopens run on the drain thread, while events wait in the queue. Policy on failure: a batch whose {@code append} throws
 * (an exception or an {@link Error}) is lost and counted, except the part a
 * {@link StoreAppendException} says was appended; it is never retried, since a retry could
 * duplicate. After {@value #FAILURES_BEFORE_BACKOFF} failures in a row (or one failed open) the
 * store is considered down: if it was opened by name, it is closed and opened again; either way the
 * next attempt waits for a backoff that doubles from {@value #MIN_BACKOFF_MILLIS} ms to {@value
 * #MAX_BACKOFF_MILLIS} ms. While the store is down the drain leaves events in the queue, which
 * buffers a burst and then drops (counted) once full. One success ends the backoff. Failures are
 * told to the operator through the {@link OperatorLog} (a store that stays down, once).
 */
final class ManagedStore {

    /** Opens the store (again); {@code null} when the store was handed over as an instance. */
    interface Opener {
        EventStore open() throws IOException;
    }

    static final int FAILURES_BEFORE_BACKOFF = 3;
    static final long MIN_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    /** A failure this recent makes health DEGRADED even if the store works again: {@value} ms. */
    static final long RECENT_FAILURE_MILLIS = 60_000;

    private final Opener opener;
    private final OperatorLog log;
    private EventStore store;
    /** The first open, on its own thread; {@code null} before it starts and once it has been taken. */
    private CompletableFuture<EventStore> firstOpen;

    private boolean firstOpenDone;
    private int consecutiveFailures;
    private long backoffNanos;
    private long retryAtNanos;

    // NOTE: single writer (the drain thread); volatile so health() on any thread sees them.
    private volatile String description;
    private volatile long failures;
    private volatile String lastError;
    private volatile long lastFailureNanos;
    private volatile boolean available = true;

    /**
     * @param store the store, already open; or {@code null}, and then {@code opener} opens it on the drain thread
     * @param opener opens the store (again); {@code null} for a store handed over as an instance
     * @param description what to call the store until it is open
     */
    ManagedStore(EventStore store, Opener opener, String description, OperatorLog log) {
        this(store, opener, description, log, false);
    }

    /** @param firstOpenInBackground whether the first open runs on a thread of its own ({@link #opening()}) */
    ManagedStore(EventStore store, Opener opener, String description, OperatorLog log, boolean firstOpenInBackground) {
        if (store == null && opener == null) {
            throw new IllegalArgumentException("a store or a way to open one");
        }
        this.store = store;
        this.opener = opener;
        this.log = log;
        this.firstOpenDone = !firstOpenInBackground;
        this.description = store != null ? safeDescribe(store) : description;
    }

    /** Whether the drain may use the store now; opens it, or reopens it once its backoff has passed. */
    boolean ready(long nowNanos) {
        if (consecutiveFailures >= FAILURES_BEFORE_BACKOFF && nowNanos - retryAtNanos < 0) {
            return false;
        }
        return ensureOpen(nowNanos);
    }

    /** Like {@link #ready} but without waiting for the backoff: for the last drain at close. */
    boolean readyIgnoringBackoff(long nowNanos) {
        if (!firstOpenDone && firstOpen != null) {
            return firstOpen(nowNanos, true);
        }
        return ensureOpen(nowNanos);
    }

    /**
     * Starts the first open on its own thread, or takes its outcome once it is done (or, with
     * {@code wait}, when it is done). A failed first open counts like a failed open on the drain thread.
     */
    private boolean firstOpen(long nowNanos, boolean wait) {
        if (firstOpen == null) {
            CompletableFuture<EventStore> opened = new CompletableFuture<>();
            Thread thread = new Thread(
                    () -> {
                        try {
                            opened.complete(opener.open());
                        } catch (Throwable error) {
                            opened.completeExceptionally(error);
                        }
                    },
                    "telltale-open");
            thread.setDaemon(true);
            firstOpen = opened;
            thread.start();
        }
        if (!wait && !firstOpen.isDone()) {
            return false;
        }
        firstOpenDone = true;
        try {
            store = firstOpen.join();
        } catch (CompletionException | CancellationException failed) {
            Throwable error = failed.getCause() != null ? failed.getCause() : failed;
            consecutiveFailures = Math.max(consecutiveFailures, FAILURES_BEFORE_BACKOFF - 1);
            failed("cannot open", error, nowNanos);
            return false;
        }
        description = safeDescribe(store);
        return true;
    }

    /** Whether the first open is under way: events may wait in memory rather than in the queue meanwhile. */
    boolean opening() {
        return firstOpen != null && !firstOpen.isDone();
    }

    private boolean ensureOpen(long nowNanos) {
        if (store != null) {
            return true;
        }
        if (opener == null) {
            return false;
        }
        if (!firstOpenDone) {
            return firstOpen(nowNanos, false);
        }
        try {
            store = opener.open();
        } catch (Throwable error) {
            // Nothing to write to: the store is down at once, not after three tries.
            consecutiveFailures = Math.max(consecutiveFailures, FAILURES_BEFORE_BACKOFF - 1);
            failed("cannot open", error, nowNanos);
            return false;
        }
        description = safeDescribe(store);
        return true;
    }

    /**
     * Appends a batch; returns how many of its events are persisted: all of them, or after a failure
     * (recorded) what a {@link StoreAppendException} says was appended, else none.
     */
    int append(List<DslEvent> batch, long nowNanos) {
        try {
            store.append(batch);
        } catch (StoreAppendException partial) {
            failed("append failed", partial, nowNanos);
            return Math.min(partial.appended(), batch.size());
        } catch (Throwable error) {
            failed("append failed", error, nowNanos);
            return 0;
        }
        succeeded();
        return batch.size();
    }

    /** Flushes; {@code false} (and the failure recorded) if the store threw or is not open. */
    boolean flush(long nowNanos) {
        EventStore current = store;
        if (current == null) {
            return false;
        }
        try {
            current.flush();
        } catch (Throwable error) {
            failed("flush failed", error, nowNanos);
            return false;
        }
        return true;
    }

    /** Flushes and closes the store, telling the operator if that fails. */
    void close() {
        EventStore current = store;
        store = null;
        available = false;
        if (current != null) {
            try {
                current.close();
            } catch (Throwable error) {
                failures++;
                lastError = OperatorLog.summary(error);
                log.warn(
                        Topic.STORE,
                        "closing the event store " + description + " failed; events appended since its "
                                + "last flush may be lost: " + lastError,
                        error);
            }
        }
    }

    /** Failed opens, appends, flushes and closes since the start. */
    long failures() {
        return failures;
    }

    /** The last failure, as one line, or {@code null}. */
    String lastError() {
        return lastError;
    }

    /** Whether the last operation on the store succeeded (false while it is backing off after failures). */
    boolean available() {
        return available;
    }

    /** Whether the store failed within the last {@value #RECENT_FAILURE_MILLIS} ms. */
    boolean failedRecently(long nowNanos) {
        return failures > 0 && nowNanos - lastFailureNanos < TimeUnit.MILLISECONDS.toNanos(RECENT_FAILURE_MILLIS);
    }

    String description() {
        return description;
    }

    private void succeeded() {
        if (consecutiveFailures > 0) {
            log.resolved(
                    Topic.STORE,
                    "the event store " + description + " works again after " + consecutiveFailures
                            + " failures in a row");
            consecutiveFailures = 0;
            backoffNanos = 0;
            available = true;
        }
    }

    private void failed(String action, Throwable error, long nowNanos) {
        failures++;
        consecutiveFailures++;
        lastFailureNanos = nowNanos;
        lastError = OperatorLog.summary(error);
        log.warn(
                Topic.STORE,
                "event store " + description + ": " + action + ": " + lastError
                        + " (events are counted as lost or dropped until it works again)",
                error);
        if (consecutiveFailures >= FAILURES_BEFORE_BACKOFF) {
            available = false;
            backoffNanos = backoffNanos == 0
                    ? TimeUnit.MILLISECONDS.toNanos(MIN_BACKOFF_MILLIS)
                    : Math.min(backoffNanos * 2, TimeUnit.MILLISECONDS.toNanos(MAX_BACKOFF_MILLIS));
            retryAtNanos = nowNanos + backoffNanos;
            if (opener != null && store != null) {
                EventStore broken = store;
                store = null;
                try {
                    broken.close();
                } catch (Throwable closeError) {
                    // The store is being replaced because it failed; its close failing too says nothing new.
                }
            }
        }
    }

    private static String safeDescribe(EventStore store) {
        try {
            return store.describe();
        } catch (Throwable error) {
            return store.getClass().getName();
        }
    }
}
