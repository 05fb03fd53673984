package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload.RecorderAccount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Moves events from the {@link EventEmitter} to the store in batches, flushes the store at an
 * interval, and reports drops. Every method but the counters' getters runs on the drain thread
 * (or, in tests, on the one thread that calls {@link #doWork()} step by step).
 *
 * <p>One {@link #doWork()}: take up to {@code batchSize} events, append them as one batch, flush if
 * the flush interval has passed since the last flush and something was appended since, then the
 * periodic chores (drop report, the recorder's account, clock recalibration). What the store does with a failure is
 * {@link ManagedStore}'s policy; here a failed batch is counted as lost.
 *
 * <p>While the store's first open is under way (on its own thread), the drain moves events out of
 * the queue into memory, up to {@code waitingLimit}, so that a burst right after start is absorbed
 * like one later; once the store is open they are appended first, in order.
 *
 * <p>The recorder's own account ({@link RecorderAccount}) goes into the store beside the events: at
 * most once per {@link #ACCOUNT_INTERVAL_NANOS} while events are dropped or lost, and once when the
 * drain closes. An account the store does not take is not lost: its counts are carried into the next.
 *
 * <p>The drain does not chase the producers: it is run with a backoff idle strategy, so after an
 * empty poll it parks and lets the next batch build up, which keeps it off the cache lines the
 * producers are writing.
 */
final class DrainAgent implements Agent {

    static final long RECALIBRATE_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** The least time between two accounts of drops and losses: one second. */
    static final long ACCOUNT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventEmitter emitter;
    private final ManagedStore store;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final long dropReportIntervalNanos;
    private final LongSupplier nanoClock;
    private final DropReporter dropReporter;
    private final List<DslEvent> batch;
    private final Consumer<DslEvent> addToBatch;
    /** Events taken from the queue while the store's first open is under way; appended first. */
    private ArrayDeque<DslEvent> waiting = new ArrayDeque<>();

    private final Consumer<DslEvent> addToWaiting = event -> waiting.add(event);
    private final int waitingLimit;

    private boolean unflushed;
    private long lastFlushNanos;
    private long nextDropReportNanos;
    private long droppedFullReported;
    private long droppedClosedReported;
    private long nextRecalibrateNanos;
    private long nextAccountNanos;
    /** The counts the accounts written so far cover, and where the next one's interval starts. */
    private long accountedQueueFull;

    private long accountedClosed;
    private long accountedNull;
    private long accountedLost;
    private long accountSinceEpochNanos;
    private final List<DslEvent> accountBatch = new ArrayList<>(1);
    private final OperatorLog log;
    private Redaction redaction = Redaction.NONE;

    // NOTE: single writer (this agent's thread); volatile so that stats() on any thread sees them.
    private volatile long persisted;
    private volatile long lost;
    private volatile long accounts;

    DrainAgent(
            EventEmitter emitter,
            ManagedStore store,
            int batchSize,
            long flushIntervalNanos,
            long dropReportIntervalNanos,
            LongSupplier nanoClock,
            DropReporter dropReporter,
            OperatorLog log) {
        this(emitter, store, batchSize, flushIntervalNanos, dropReportIntervalNanos, nanoClock, dropReporter, log, 0);
    }

    /** @param waitingLimit how many events may wait in memory while the store's first open is under way */
    DrainAgent(
            EventEmitter emitter,
            ManagedStore store,
            int batchSize,
            long flushIntervalNanos,
            long dropReportIntervalNanos,
            LongSupplier nanoClock,
            DropReporter dropReporter,
            OperatorLog log,
            int waitingLimit) {
        this.emitter = emitter;
        this.store = store;
        this.batchSize = batchSize;
        this.flushIntervalNanos = flushIntervalNanos;
        this.dropReportIntervalNanos = dropReportIntervalNanos;
        this.nanoClock = nanoClock;
        this.dropReporter = dropReporter;
        this.log = log;
        this.waitingLimit = waitingLimit;
        this.batch = new ArrayList<>(batchSize);
        this.addToBatch = batch::add;
        long now = nanoClock.getAsLong();
        this.lastFlushNanos = now;
        this.nextDropReportNanos = now + dropReportIntervalNanos;
        this.nextRecalibrateNanos = now + RECALIBRATE_INTERVAL_NANOS;
        this.nextAccountNanos = now + ACCOUNT_INTERVAL_NANOS;
        this.accountSinceEpochNanos = EventClock.epochNanos(now);
    }

    @Override
    public String roleName() {
        return "telltale-drain";
    }

    /** Opens the store (if it was named rather than handed over): here, never on a caller's thread. */
    @Override
    public void onStart() {
        store.ready(nanoClock.getAsLong());
    }

    @Override
    public int doWork() {
        long now = nanoClock.getAsLong();
        int work = 0;
        if (!batch.isEmpty()) {
            // A previous step failed between taking events and handing them over: they are lost.
            loseBatch();
        }
        if (store.ready(now)) {
            if (!waiting.isEmpty()) {
                // Catching up after the first open (cold code, a backlog): keep the queue from overflowing.
                work += moveToWaiting();
                work += appendWaiting(now);
            } else {
                work += drainOneBatch(now);
            }
            if (unflushed && now - lastFlushNanos >= flushIntervalNanos) {
                flush(now);
                work++;
            }
        } else if (store.opening()) {
            work += moveToWaiting();
        }
        chores(now);
        return work;
    }

    /** Events taken from the queue that wait in memory to be appended; drain thread (for tests). */
    int pendingInMemory() {
        return waiting.size();
    }

    /**
     * Moves everything in the queue to the end of the waiting events, up to their limit: the queue's
     * stripes stay empty while the store opens and while cold code catches up with the backlog.
     */
    private int moveToWaiting() {
        int room = waitingLimit - waiting.size();
        return room <= 0 ? 0 : emitter.drainTo(addToWaiting, room);
    }

    /** Appends the next batch of the events that waited for the store's first open. */
    private int appendWaiting(long now) {
        for (int i = 0; i < batchSize && !waiting.isEmpty(); i++) {
            batch.add(waiting.poll());
        }
        if (waiting.isEmpty()) {
            // Caught up: let go of the backlog's array.
            waiting = new ArrayDeque<>();
        }
        int moved = batch.size();
        redaction.apply(batch);
        int appended = store.append(batch, now);
        persisted += appended;
        lost += moved - appended;
        unflushed |= appended > 0;
        batch.clear();
        return moved;
    }

    /** Drains everything left, flushes and closes the store. Called once, after the emitter is closed. */
    @Override
    public void onClose() {
        long now = nanoClock.getAsLong();
        if (!batch.isEmpty()) {
            loseBatch();
        }
        boolean storeUsable = store.readyIgnoringBackoff(now);
        while (storeUsable && !waiting.isEmpty()) {
            appendWaiting(now);
        }
        lost += waiting.size();
        waiting.clear();
        int moved;
        do {
            moved = storeUsable ? drainOneBatch(now) : loseOneBatch();
        } while (moved > 0);
        if (storeUsable) {
            writeAccount(now, true);
            store.flush(now);
        }
        store.close();
        reportDrops();
    }

    /** Tells the operator, through the one rate limit of the {@link OperatorLog}. */
    @Override
    public void onError(Throwable error) {
        log.warn(OperatorLog.Topic.DRAIN, "the drain failed and starts over: " + OperatorLog.summary(error), error);
    }

    /** Events the store accepted. */
    long persisted() {
        return persisted;
    }

    /** Redacts every batch before it is appended (or waits for the store's first open); set before the drain runs. */
    DrainAgent redacting(Redaction redaction) {
        this.redaction = redaction;
        return this;
    }

    /** Events lost because the store failed. */
    long lost() {
        return lost;
    }

    /** Accounts the store accepted. */
    long accounts() {
        return accounts;
    }

    private int drainOneBatch(long now) {
        int moved = emitter.drainTo(addToBatch, batchSize);
        if (moved > 0) {
            redaction.apply(batch);
            int appended = store.append(batch, now);
            persisted += appended;
            lost += moved - appended;
            unflushed |= appended > 0;
            batch.clear();
        }
        return moved;
    }

    private int loseOneBatch() {
        int moved = emitter.drainTo(addToBatch, batchSize);
        loseBatch();
        return moved;
    }

    private void loseBatch() {
        lost += batch.size();
        batch.clear();
    }

    private void flush(long now) {
        store.flush(now);
        unflushed = false;
        lastFlushNanos = now;
    }

    private void chores(long now) {
        if (now - nextDropReportNanos >= 0) {
            reportDrops();
            nextDropReportNanos = now + dropReportIntervalNanos;
        }
        if (now - nextAccountNanos >= 0) {
            if (store.ready(now)) {
                writeAccount(now, false);
            }
            nextAccountNanos = now + ACCOUNT_INTERVAL_NANOS;
        }
        if (now - nextRecalibrateNanos >= 0) {
            EventClock.recalibrate();
            nextRecalibrateNanos = now + RECALIBRATE_INTERVAL_NANOS;
        }
    }

    /**
     * Appends the recorder's account of the drops and losses since the last account the store took:
     * always when {@code closing}, else only if there are any. The drop counts are read before the
     * emitted count, as {@link EventEmitter#emitted()} asks.
     */
    private void writeAccount(long now, boolean closing) {
        long queueFull = emitter.dropped(DropReason.QUEUE_FULL);
        long closed = emitter.dropped(DropReason.CLOSED);
        long invalid = emitter.dropped(DropReason.NULL_EVENT);
        long lostNow = lost;
        RecorderAccount account = new RecorderAccount(
                closing,
                accountSinceEpochNanos,
                queueFull - accountedQueueFull,
                closed - accountedClosed,
                invalid - accountedNull,
                lostNow - accountedLost,
                emitter.emitted(),
                persisted,
                queueFull + closed + invalid,
                lostNow);
        if (!closing && account.dropped() + account.lost() == 0) {
            return;
        }
        long epochNanos = EventClock.epochNanos(now);
        accountBatch.add(DslEvent.recorderAccount(epochNanos, account));
        int appended = store.append(accountBatch, now);
        accountBatch.clear();
        if (appended == 1) {
            accounts++;
            unflushed = true;
            accountedQueueFull = queueFull;
            accountedClosed = closed;
            accountedNull = invalid;
            accountedLost = lostNow;
            accountSinceEpochNanos = epochNanos;
        }
    }

    /** Reports the drops since the last report, if there were any. */
    private void reportDrops() {
        long full = emitter.dropped(DropReason.QUEUE_FULL);
        long closed = emitter.dropped(DropReason.CLOSED);
        if (full > droppedFullReported || closed > droppedClosedReported) {
            dropReporter.report(full - droppedFullReported, closed - droppedClosedReported, emitter);
        }
        droppedFullReported = full;
        droppedClosedReported = closed;
    }
}
