package dev.telltale.core.testing;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.testing.Accounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A store that keeps events in memory, for tests, and can be told to fail: {@code failure} gets the
 * 1-based number of each append and returns what to throw, or {@code null} to succeed. Thread-safe
 * for reading while the drain appends.
 */
public class RecordingStore implements EventStore {

    private final List<DslEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> failedBatchSizes = new CopyOnWriteArrayList<>();
    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicInteger flushes = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final IntFunction<Throwable> failure;

    public RecordingStore() {
        this(n -> null);
    }

    public RecordingStore(IntFunction<Throwable> failure) {
        this.failure = failure;
    }

    @Override
    public void append(List<DslEvent> batch) throws IOException {
        int number = appends.incrementAndGet();
        Throwable toThrow = failure.apply(number);
        if (toThrow != null) {
            // The application's events in it: a failed recorder account loses none of them.
            failedBatchSizes.add(Accounts.withoutAccounts(batch).size());
            sneakyThrow(toThrow);
        }
        events.addAll(batch);
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    @Override
    public String describe() {
        return "recording";
    }

    /** A copy of the application's events appended so far: everything but the recorder's accounts. */
    public List<DslEvent> events() {
        return Accounts.withoutAccounts(everything());
    }

    /** A copy of everything appended so far, the recorder's accounts included. */
    public List<DslEvent> everything() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** The recorder's accounts appended so far. */
    public List<RecorderAccount> accounts() {
        return Accounts.accounts(everything());
    }

    /** How many of the application's events were appended so far. */
    public int size() {
        return events().size();
    }

    /** Sizes of the batches whose append threw, in the application's events (a recorder account is none). */
    public List<Integer> failedBatchSizes() {
        return failedBatchSizes;
    }

    public int appends() {
        return appends.get();
    }

    public int flushes() {
        return flushes.get();
    }

    public int closes() {
        return closes.get();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
