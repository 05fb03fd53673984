package dev.telltale.api.source;

import dev.telltale.api.internal.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one door for reading: finds the {@link EventSourceProvider} on the class path that accepts a
 * location and opens it. Providers are asked in the order of their names; the first that accepts
 * opens. Any thread.
 *
 * <pre>{@code
 * try (EventSource source = EventSources.open("/var/telltale/events", SourceOptions.defaults());
 *         EventCursor cursor = source.cursor(new Position.Start(), false)) {
 *     for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
 *         report.add(next.position(), next.event());
 *     }
 *     cursor.requireAtEnd();
 * }
 * }</pre>
 */
public final class EventSources {

    private EventSources() {}

    /**
     * Opens {@code location} with the first provider that accepts it.
     *
     * @throws EventSourceException in one line, when no provider accepts the location, saying what
     *     each provider on the class path reads
     * @throws IOException from the provider, naming the location and what is wrong
     */
    public static EventSource open(String location, SourceOptions options) throws IOException {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        List<EventSourceProvider> providers = providers();
        Optional<EventSourceProvider> provider = accepting(providers, location);
        if (provider.isEmpty()) {
            throw new EventSourceException(noneAccepts(location, providers));
        }
        return provider.get().open(location, options);
    }

    /** The provider that would open {@code location}, if one accepts it. Opens nothing. */
    public static Optional<EventSourceProvider> providerFor(String location) {
        return accepting(providers(), Objects.requireNonNull(location, "location"));
    }

    /**
     * The providers on the class path (of the thread's context class loader, or else this class's),
     * in the order of their names. A provider that cannot be loaded is left out.
     */
    public static List<EventSourceProvider> providers() {
        return Providers.load(EventSourceProvider.class, EventSourceProvider::name);
    }

    private static Optional<EventSourceProvider> accepting(List<EventSourceProvider> providers, String location) {
        for (EventSourceProvider provider : providers) {
            boolean accepts;
            try {
                accepts = provider.accepts(location);
            } catch (RuntimeException broken) {
                accepts = false;
            }
            if (accepts) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /** The one line saying that nothing reads {@code location}, and what each provider reads. */
    static String noneAccepts(String location, List<EventSourceProvider> providers) {
        String shown = location.length() > 200 ? location.substring(0, 200) + "..." : location;
        String head = "no event source reads '" + shown + "'" + whatItIs(location);
        if (providers.isEmpty()) {
            return head + ": no event source provider is on the class path"
                    + " (telltale-store-chronicle reads queue directories, telltale-store-jsonl JSON Lines files)";
        }
        return head + "; "
                + providers.stream()
                        .map(provider -> provider.name() + " reads " + provider.reads())
                        .collect(Collectors.joining("; "));
    }

    private static String whatItIs(String location) {
        try {
            Path path = Path.of(location);
            if (Files.isDirectory(path)) {
                return " (a directory)";
            }
            if (Files.exists(path)) {
                return Files.isRegularFile(path) ? " (a file)" : "";
            }
            return " (no such file or directory)";
        } catch (InvalidPathException | SecurityException notAPath) {
            return "";
        }
    }
}
