package dev.telltale.core.testing;

import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.StoreConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The store named {@code probe}, for tests: a {@link RecordingStore} that remembers on which thread
 * each was opened. Setting {@code bad} makes {@link #validate} refuse the configuration.
 */
public final class ProbeStoreProvider implements EventStoreProvider {

    /** The names of the threads that opened a probe store, in order. */
    public static final List<String> OPENED_ON = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public void validate(StoreConfig config) {
        if (config.option("bad").isPresent()) {
            throw new IllegalArgumentException("store 'probe' setting 'bad': refused");
        }
    }

    @Override
    public EventStore open(StoreConfig config) {
        OPENED_ON.add(Thread.currentThread().getName());
        return new RecordingStore();
    }
}
