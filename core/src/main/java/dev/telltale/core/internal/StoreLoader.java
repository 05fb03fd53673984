package dev.telltale.core.internal;

import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds store providers with {@link ServiceLoader}: by name, or, when a configuration names none, by
 * the settings each provider says identify it. Core knows no store by name. Any thread. Inside an OSGi
 * framework, where ServiceLoader cannot see other bundles, the bundle activator hands over what the
 * store bundles provide ({@link #useProviders}).
 */
public final class StoreLoader {

    /** Where the providers come from: ServiceLoader, unless a container said otherwise. */
    private static volatile Supplier<List<EventStoreProvider>> source = StoreLoader::serviceLoaderProviders;

    private StoreLoader() {}

    /**
     * Takes the providers from {@code providers} from now on ({@code null}: from ServiceLoader again):
     * for a container, which knows which store bundles are active.
     */
    public static void useProviders(Supplier<List<EventStoreProvider>> providers) {
        source = providers == null ? StoreLoader::serviceLoaderProviders : providers;
    }

    /**
     * The store configuration: {@code name} if given, else the one provider on the class path whose
     * identifying settings appear in {@code options}.
     *
     * @throws IllegalArgumentException when no provider, or more than one, is identified (the message
     *     lists the providers found and the settings that choose each)
     */
    public static StoreConfig resolve(String name, Map<String, String> options) {
        if (name != null) {
            return StoreConfig.of(name, options);
        }
        List<EventStoreProvider> providers = providers();
        List<String> matching = new ArrayList<>();
        for (EventStoreProvider provider : providers) {
            for (String setting : provider.identifyingSettings()) {
                if (options.containsKey(setting)) {
                    matching.add(provider.name());
                    break;
                }
            }
        }
        if (matching.size() == 1) {
            return StoreConfig.of(matching.get(0), options);
        }
        String problem = matching.isEmpty()
                ? "no event store is configured"
                : "the settings " + options.keySet() + " fit several stores (" + String.join(", ", matching) + ")";
        throw new IllegalArgumentException(problem + ": set telltale.store to one of " + choices(providers));
    }

    /**
     * Checks a store's settings without opening it.
     *
     * @throws IllegalArgumentException if no provider has that name (the message lists those found)
     *     or a setting is wrong
     */
    public static void validate(StoreConfig config) {
        provider(config.name()).validate(config);
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
        List<EventStoreProvider> providers = providers();
        for (EventStoreProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no event store named '" + name + "' on the class path (found: "
                + choices(providers) + "); add the module that provides it, such as telltale-store-" + name);
    }

    private static List<EventStoreProvider> providers() {
        return source.get();
    }

    private static List<EventStoreProvider> serviceLoaderProviders() {
        List<EventStoreProvider> found = new ArrayList<>();
        for (EventStoreProvider provider : ServiceLoader.load(EventStoreProvider.class, classLoader())) {
            found.add(provider);
        }
        return found;
    }

    /** {@code chronicle (or set store.dir), jsonl (or set store.path)}, or {@code none}. */
    private static String choices(List<EventStoreProvider> providers) {
        if (providers.isEmpty()) {
            return "none (add a store module, such as telltale-store-jsonl, to the class path)";
        }
        List<String> choices = new ArrayList<>();
        for (EventStoreProvider provider : providers) {
            StringBuilder choice = new StringBuilder(provider.name());
            if (!provider.identifyingSettings().isEmpty()) {
                choice.append(" (or set ");
                String separator = "";
                for (String setting : provider.identifyingSettings()) {
                    choice.append(separator).append("telltale.store.").append(setting);
                    separator = " or ";
                }
                choice.append(')');
            }
            choices.add(choice.toString());
        }
        return String.join(", ", choices);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StoreLoader.class.getClassLoader();
    }
}
