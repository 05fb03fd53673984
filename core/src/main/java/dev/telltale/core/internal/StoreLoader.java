package dev.telltale.core.internal;

import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a store provider by name with {@link ServiceLoader} and opens its store. Any thread. */
public final class StoreLoader {

    private StoreLoader() {
    }

    /**
     * Opens the store {@code config} names.
     *
     * @throws IllegalArgumentException if no provider has that name (the message lists those found)
     *     or a setting is wrong
     * @throws IOException if the store cannot be opened
     */
    public static EventStore open(StoreConfig config) throws IOException {
        return provider(config.name()).open(config);
    }

    static EventStoreProvider provider(String name) {
        List<String> found = new ArrayList<>();
        for (EventStoreProvider provider : ServiceLoader.load(EventStoreProvider.class, classLoader())) {
            if (provider.name().equals(name)) {
                return provider;
            }
            found.add(provider.name());
        }
        throw new IllegalArgumentException("no event store named '" + name + "' on the class path (found: "
                + (found.isEmpty() ? "none" : String.join(", ", found))
                + "); add the module that provides it, such as telltale-store-" + name);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StoreLoader.class.getClassLoader();
    }
}
