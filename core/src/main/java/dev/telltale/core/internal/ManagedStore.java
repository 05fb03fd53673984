package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain's hold on its {@link EventStore}: what to do when the store fails. Drain thread only,
 * except the volatile status fields, which any thread may read.
 *
 * <p>Policy: a batch whose {@code append} throws (an exception or an {@link Error}) is lost and
 * counted; it is never retried, since a store may have written part of it and a retry could
 * duplicate. After {@value #FAILURES_BEFORE_BACKOFF} failures in a row the store is considered
 * down: if it was opened by name, it is closed and opened again; either way the next attempt waits
 * for a backoff that doubles from {@value #MIN_BACKOFF_MILLIS} ms to {@value #MAX_BACKOFF_MILLIS}
 * ms. While the store is down the drain leaves events in the queue, which buffers a burst and
 * then drops (counted) once full. One success ends the backoff.
 */
final class ManagedStore {

    /** Opens the store again after it failed; {@code null} when the store was handed over as an instance. */
    interface Opener {
        EventStore open() throws IOException;
    }

    static final int FAILURES_BEFORE_BACKOFF = 3;
    static final long MIN_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(ManagedStore.class);

    private final Opener opener;
    private final String description;
    private EventStore store;
    private int consecutiveFailures;
    private long backoffNanos;
    private long retryAtNanos;
    private boolean loggedBefore;
    private long nextLogNanos;
    private long failuresSinceLog;

    // NOTE: single writer (the drain thread); volatile so health() on any thread sees them.
    private volatile long failures;
    private volatile String lastError;
    private volatile boolean available = true;

    ManagedStore(EventStore store, Opener opener) {
        this.store = store;
        this.opener = opener;
        this.description = safeDescribe(store);
    }

    /** Whether the drain may use the store now; reopens it when its backoff has passed. */
    boolean ready(long nowNanos) {
        if (consecutiveFailures >= FAILURES_BEFORE_BACKOFF && nowNanos - retryAtNanos < 0) {
            return false;
        }
        return ensureOpen(nowNanos);
    }

    /** Like {@link #ready} but without waiting for the backoff: for the last drain at close. */
    boolean readyIgnoringBackoff(long nowNanos) {
        return ensureOpen(nowNanos);
    }

    private boolean ensureOpen(long nowNanos) {
        if (store != null) {
            return true;
        }
        if (opener == null) {
            return false;
        }
        try {
            store = opener.open();
            return true;
        } catch (Throwable error) {
            failed("reopening the store", error, nowNanos);
            return false;
        }
    }

    /** Appends a batch; {@code false} (and the failure recorded) if the store threw. */
    boolean append(List<DslEvent> batch, long nowNanos) {
        try {
            store.append(batch);
        } catch (Throwable error) {
            failed("appending " + batch.size() + " events", error, nowNanos);
            return false;
        }
        succeeded();
        return true;
    }

    /** Flushes; {@code false} (and the failure recorded) if the store threw. */
    boolean flush(long nowNanos) {
        try {
            store.flush();
        } catch (Throwable error) {
            failed("flushing", error, nowNanos);
            return false;
        }
        return true;
    }

    /** Flushes and closes the store, logging a failure. */
    void close() {
        EventStore current = store;
        store = null;
        available = false;
        if (current != null) {
            try {
                current.close();
            } catch (Throwable error) {
                failures++;
                lastError = summary(error);
                LOG.warn("Telltale: closing the event store {} failed; events appended since its last flush may be lost",
                        description, error);
            }
        }
    }

    /** Failed appends, flushes and reopens since the start. */
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

    String description() {
        return description;
    }

    private void succeeded() {
        if (consecutiveFailures > 0) {
            if (consecutiveFailures >= FAILURES_BEFORE_BACKOFF) {
                LOG.info("Telltale: the event store {} works again after {} failures in a row", description,
                        consecutiveFailures);
            }
            consecutiveFailures = 0;
            backoffNanos = 0;
            available = true;
        }
    }

    private void failed(String action, Throwable error, long nowNanos) {
        failures++;
        consecutiveFailures++;
        lastError = summary(error);
        log(action, error, nowNanos);
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
                    error.addSuppressed(closeError);
                }
            }
        }
    }

    /** At most one log line per interval, with the number of failures it stands for. */
    private void log(String action, Throwable error, long nowNanos) {
        failuresSinceLog++;
        if (loggedBefore && nowNanos - nextLogNanos < 0) {
            return;
        }
        loggedBefore = true;
        LOG.warn("Telltale: event store {} failed {} ({} failures since the last report, {} in a row)",
                description, action, failuresSinceLog, consecutiveFailures, error);
        failuresSinceLog = 0;
        nextLogNanos = nowNanos + LOG_INTERVAL_NANOS;
    }

    private static String summary(Throwable error) {
        String message;
        try {
            message = error.getMessage();
        } catch (Throwable thrown) {
            message = null;
        }
        return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }

    private static String safeDescribe(EventStore store) {
        try {
            return store.describe();
        } catch (Throwable error) {
            return store.getClass().getName();
        }
    }
}
