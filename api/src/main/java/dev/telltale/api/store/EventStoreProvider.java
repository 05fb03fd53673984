package dev.telltale.api.store;

import java.io.IOException;

/**
 * Opens stores of one kind. Implementations are {@link java.util.ServiceLoader} services with a
 * public no-argument constructor, registered with {@code @AutoService(EventStoreProvider.class)}.
 */
public interface EventStoreProvider {

    /** The name a configuration uses to choose this provider, such as {@code jsonl}. Lower case, stable. */
    String name();

    /**
     * Opens a store. Reads its settings from {@code config} and fails with a message naming the key
     * that is missing or wrong.
     *
     * @throws IllegalArgumentException if a setting is missing or malformed
     * @throws IOException if the store cannot be opened
     */
    EventStore open(StoreConfig config) throws IOException;
}
