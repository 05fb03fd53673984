package dev.telltale.api.store;

import java.io.IOException;
import java.util.Set;

/**
 * Opens stores of one kind. Implementations are {@link java.util.ServiceLoader} services with a
 * public no-argument constructor, registered with {@code @AutoService(EventStoreProvider.class)}.
 *
 * <p>A provider says what it handles, the way a JDBC driver answers {@code acceptsURL}: its
 * {@link #name()}, and the settings that, when present, mean a configuration that names no store
 * wants this one ({@link #identifyingSettings()}). Telltale's core asks; it knows no store by name.
 */
public interface EventStoreProvider {

    /** The name a configuration uses to choose this provider, such as {@code jsonl}. Lower case, stable. */
    String name();

    /**
     * Settings that identify this store when a configuration does not name one: a configuration
     * that sets one of them, and no setting of another provider's set, chooses this provider. Such
     * as {@code dir} for a queue directory. Empty (the default) for a store that must be named.
     */
    default Set<String> identifyingSettings() {
        return Set.of();
    }

    /**
     * Checks the settings without opening anything (no I/O), so a configuration that cannot work
     * fails where it is made rather than later on a background thread. The default checks nothing.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    default void validate(StoreConfig config) {}

    /**
     * Opens a store. Reads its settings from {@code config} and fails with a message naming the key
     * that is missing or wrong.
     *
     * @throws IllegalArgumentException if a setting is missing or malformed
     * @throws IOException if the store cannot be opened
     */
    EventStore open(StoreConfig config) throws IOException;
}
