package dev.telltale.api.export;

import dev.telltale.api.internal.Providers;
import java.util.List;
import java.util.stream.Collectors;

/** Finds {@link ExportSinkProvider}s on the class path. Any thread. */
public final class ExportSinks {

    private ExportSinks() {}

    /**
     * The provider named {@code name}.
     *
     * @throws IllegalArgumentException in one line, naming the sinks there are, when none has that name
     */
    public static ExportSinkProvider named(String name) {
        List<ExportSinkProvider> providers = providers();
        for (ExportSinkProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no export sink named '" + name + "' is on the class path"
                + (providers.isEmpty()
                        ? ""
                        : "; there are: "
                                + providers.stream()
                                        .map(p -> p.name() + " (" + p.writes() + ")")
                                        .collect(Collectors.joining(", "))));
    }

    /** The providers on the class path of the thread's context class loader (or else this class's), by name. */
    public static List<ExportSinkProvider> providers() {
        return Providers.load(ExportSinkProvider.class, ExportSinkProvider::name);
    }
}
