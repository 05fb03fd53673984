package dev.telltale.api.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Loads the {@link ServiceLoader} providers of a Telltale SPI. Not API. Any thread. */
public final class Providers {

    private Providers() {}

    /**
     * The providers of {@code type} that the thread's context class loader finds (or, if it finds
     * none, {@code type}'s own class loader), in the order of their names. A provider that cannot be
     * loaded (a missing class, a failing constructor) is left out: the others still work.
     */
    public static <T> List<T> load(Class<T> type, Function<T, String> name) {
        List<T> found = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            load(ServiceLoader.load(type, context), found);
        }
        if (found.isEmpty() && context != type.getClassLoader()) {
            load(ServiceLoader.load(type, type.getClassLoader()), found);
        }
        found.sort(Comparator.comparing(name));
        return List.copyOf(found);
    }

    private static <T> void load(ServiceLoader<T> loader, List<T> into) {
        var iterator = loader.iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return;
                }
                into.add(iterator.next());
            } catch (ServiceConfigurationError broken) {
                // Left out; see load(Class, Function).
            }
        }
    }
}
